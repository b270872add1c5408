// Worker thread of the CPU bench: runs `runShard` on its part of the shared positions, once per request.
import { parentPort } from 'node:worker_threads';
import { type ShardEngine, runShard, shardKernels } from './shard.js';

/** A request: the shared positions, this worker's particle range, the seed and steps. */
export interface ShardRequest {
  readonly buffer: SharedArrayBuffer;
  readonly first: number;
  readonly count: number;
  readonly seed: number;
  readonly steps: number;
  readonly engine: ShardEngine;
}

const port = parentPort;
if (port === null) throw new Error('cpu-worker: this module is a worker thread entry; start it with new Worker().');
const kernels = shardKernels();
port.on('message', (request: ShardRequest) => {
  const x = new Float32Array(request.buffer, request.first * 8, request.count * 2);
  const start = performance.now();
  const finite = runShard(kernels, { x, first: request.first, seed: request.seed, steps: request.steps }, request.engine);
  port.postMessage({ finite, ms: performance.now() - start });
});
