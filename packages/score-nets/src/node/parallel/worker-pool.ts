import { Worker } from 'node:worker_threads';
import { type InitRequest, type ReplyEnvelope, type WasmInitRequest, type WorkerReplies, type WorkerRequest, buffersOf } from './protocol.js';
import { ScoreNetWorkerError } from './score-net-worker-error.js';
import { workerEntry } from './worker-entry.js';

/** Score-net workers, each holding a replica of one network. */
export interface WorkerPool {
  /** The number of workers. */
  readonly size: number;
  /**
   * Sends `request` to worker `index` (0-based), transferring the buffers of its typed-array
   * fields and of a `shard`'s; resolves with its reply, rejects with a `ScoreNetWorkerError`
   * carrying the worker's message.
   */
  request<K extends WorkerRequest['kind']>(index: number, request: Extract<WorkerRequest, { kind: K }>): Promise<WorkerReplies[K]>;
  /** Terminates every worker; resolves when all have exited. Pending and later requests reject. */
  dispose(): Promise<void>;
}

interface Pending {
  resolve(reply: unknown): void;
  reject(error: Error): void;
}

/** One worker with its pending requests; referenced (keeps the process alive) only while one is pending. */
function startWorker(index: number) {
  const entry = workerEntry();
  const worker = new Worker(entry.url, { workerData: entry.workerData });
  worker.unref();
  const pending = new Map<number, Pending>();
  let failure: Error | undefined;
  let nextId = 0;
  const failAll = (error: Error): void => {
    failure ??= error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
    worker.unref();
  };
  worker.on('message', (envelope: ReplyEnvelope) => {
    const waiting = pending.get(envelope.id);
    if (waiting === undefined) return;
    pending.delete(envelope.id);
    if (pending.size === 0) worker.unref();
    if (envelope.ok) waiting.resolve(envelope.reply);
    else waiting.reject(new ScoreNetWorkerError(`score-net worker ${index + 1}: ${envelope.message}`, envelope.name, envelope.stack));
  });
  worker.on('error', (error) => failAll(new ScoreNetWorkerError(`score-net worker ${index + 1} failed: ${error.message}`, error.name, error.stack)));
  const exited = new Promise<void>((resolve) => {
    worker.once('exit', (code) => {
      failAll(new ScoreNetWorkerError(`score-net worker ${index + 1} exited (code ${code}).`));
      resolve();
    });
  });
  return {
    exited,
    terminate: () => {
      failAll(new ScoreNetWorkerError(`score-net worker ${index + 1}: the pool was disposed.`));
      void worker.terminate();
      return exited;
    },
    request: (request: WorkerRequest): Promise<unknown> => {
      if (failure !== undefined) return Promise.reject(failure);
      const id = nextId++;
      const transfer = buffersOf(request);
      if (request.kind === 'gradients' || request.kind === 'wasm-gradients') transfer.push(...buffersOf(request.shard));
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.ref();
        worker.postMessage({ id, request }, transfer);
      });
    },
  };
}

/**
 * Starts `size` worker threads and builds a replica in each (`init`: backend, network options,
 * weights; or `wasm-init`: a WebAssembly MLP; see `createReplica`). Resolves when every worker is ready; if one fails, all are
 * terminated and the promise rejects with its error. Workers are unreferenced while idle, so an
 * undisposed pool does not keep the process alive.
 */
export async function startWorkerPool(size: number, init: InitRequest | WasmInitRequest): Promise<WorkerPool> {
  if (!Number.isSafeInteger(size) || size < 1) throw new RangeError(`startWorkerPool: size must be an integer >= 1, got ${size}.`);
  const workers = Array.from({ length: size }, (_, index) => startWorker(index));
  const dispose = async (): Promise<void> => {
    await Promise.all(workers.map((worker) => worker.terminate()));
  };
  try {
    // Each worker gets its own copy of the weights (they are transferred; a description's are copied).
    await Promise.all(workers.map((worker) => worker.request(init.kind === 'init' ? { ...init, weights: init.weights.slice() } : init)));
  } catch (error) {
    await dispose();
    throw error;
  }
  return {
    size,
    request: <K extends WorkerRequest['kind']>(index: number, request: Extract<WorkerRequest, { kind: K }>) => {
      const worker = workers[index];
      if (worker === undefined) return Promise.reject(new RangeError(`WorkerPool.request: worker index must be in [0, ${size}), got ${index}.`));
      return worker.request(request) as Promise<WorkerReplies[K]>;
    },
    dispose,
  };
}
