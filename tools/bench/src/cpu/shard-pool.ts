import { Worker } from 'node:worker_threads';
import type { ShardRequest } from './cpu-worker.js';
import type { ShardEngine } from './shard.js';

/**
 * Worker threads that each run `runShard` on a part of positions held in a SharedArrayBuffer
 * (no copies: each worker views its own range). Started from the TypeScript sources through
 * score-nets' `typescript-worker.mjs` (which registers tsx and the development condition).
 */
export interface ShardPool {
  /** Runs `steps` steps of `engine` on `x` (shared), split in contiguous equal parts, one per worker; resolves when all are done. */
  run(x: Float32Array, seed: number, steps: number, engine?: ShardEngine): Promise<{ finite: boolean }>;
  close(): Promise<void>;
}

const launcher = new URL('../../../../packages/score-nets/src/node/parallel/typescript-worker.mjs', import.meta.url);

export function shardPool(size: number): ShardPool {
  const workers = Array.from({ length: size }, () => new Worker(launcher, { workerData: { entry: new URL('./cpu-worker.ts', import.meta.url).href } }));
  return {
    async run(x, seed, steps, engine = 'wasm') {
      if (!(x.buffer instanceof SharedArrayBuffer)) throw new Error('shardPool.run: x must view a SharedArrayBuffer.');
      const n = x.length / 2;
      const per = Math.ceil(n / size);
      const replies = await Promise.all(
        workers.map((worker, w) => {
          const first = Math.min(n, w * per);
          return postAndWait(worker, { buffer: x.buffer as SharedArrayBuffer, first, count: Math.min(per, n - first), seed, steps, engine });
        }),
      );
      return { finite: replies.every((reply) => reply.finite) };
    },
    close: async () => {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

function postAndWait(worker: Worker, request: ShardRequest): Promise<{ finite: boolean }> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    worker.once('error', onError);
    worker.once('message', (reply: { finite: boolean }) => {
      worker.off('error', onError);
      resolve(reply);
    });
    worker.postMessage(request);
  });
}
