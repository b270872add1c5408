import { Worker } from 'node:worker_threads';
import { type WorkerEntry, typescriptWorkerEntry } from '@scoreflow/score-nets/node';
import type { ShardWork } from '../shard-work.js';
import type { ShardThreadReply, ShardThreadRequest } from './shard-thread-protocol.js';

/** File name of the bundled thread entry, beside the bundle (apps/runner's build makes it). */
export const BUNDLED_SHARD_THREAD = 'shard-thread.mjs';

/**
 * Where the thread entry is: from the TypeScript sources (vitest, tsx) `shard-thread.ts` through
 * score-nets' tsx launcher; from the esbuild bundle, `shard-thread.mjs` beside it.
 */
export function shardThreadEntry(moduleUrl: string = import.meta.url): WorkerEntry {
  if (new URL(moduleUrl).pathname.endsWith('.ts')) return typescriptWorkerEntry(new URL('./shard-thread.ts', moduleUrl));
  return { url: new URL(`./${BUNDLED_SHARD_THREAD}`, moduleUrl), workerData: {} };
}

/** Worker threads that each run one shard at a time (`shard-thread.ts`). */
export interface ShardThreads {
  readonly size: number;
  /** Runs `work` on thread `index`; resolves with the shard's encoded events. */
  run(index: number, work: ShardWork): Promise<Uint8Array>;
  /** Terminates every thread; pending runs reject. */
  terminate(): Promise<void>;
}

/** Starts `size` shard threads. A thread that fails or exits rejects its pending shard with its message. */
export function startShardThreads(size: number): ShardThreads {
  const entry = shardThreadEntry();
  let nextId = 0;
  const threads = Array.from({ length: size }, (_, index) => {
    const worker = new Worker(entry.url, { workerData: entry.workerData });
    const pending = new Map<number, { resolve(payload: Uint8Array): void; reject(error: Error): void }>();
    const failAll = (error: Error) => {
      for (const { reject } of pending.values()) reject(error);
      pending.clear();
    };
    worker.on('message', (reply: ShardThreadReply) => {
      const waiting = pending.get(reply.id);
      if (waiting === undefined) return;
      pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.payload);
      else waiting.reject(Object.assign(new Error(`thread ${index + 1}: ${reply.message}`), reply.stack === undefined ? {} : { stack: reply.stack }));
    });
    worker.on('error', (error) => failAll(new Error(`thread ${index + 1} failed: ${error.message}`)));
    worker.on('exit', (code) => failAll(new Error(`thread ${index + 1} exited (code ${code}).`)));
    return { worker, pending };
  });
  return {
    size,
    run(index, work) {
      const thread = threads[index];
      if (thread === undefined) return Promise.reject(new RangeError(`startShardThreads: no thread ${index} of ${size}.`));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        thread.pending.set(id, { resolve, reject });
        thread.worker.postMessage({ id, work } satisfies ShardThreadRequest);
      });
    },
    async terminate() {
      await Promise.all(threads.map(({ worker }) => worker.terminate()));
    },
  };
}
