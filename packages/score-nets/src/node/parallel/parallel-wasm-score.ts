import { availableParallelism } from 'node:os';
import type { MlpScoreDescription, Sde } from '@scoreflow/core';
import { wasmNetworkScore } from '../../wasm/wasm-network-score.js';
import { mlpKernelsVariant } from '../../wasm/wasm-mlp-module.js';
import type { ParallelScoreModel } from './parallel-network-score.js';
import { rowShards } from './row-shards.js';
import { startWorkerPool } from './worker-pool.js';

/** Options of `parallelWasmScore`. */
export interface ParallelWasmScoreOptions {
  /** Worker threads besides the main thread (default one per core beyond it); 0 runs everything here. */
  readonly workers?: number;
  /** The score model's name (default `network-<output>`). */
  readonly name?: string;
}

/**
 * `wasmNetworkScore` with the rows of each `score(x, t, out)` split over the main thread and
 * `workers` worker threads (`rowShards`, equal contiguous parts), each running the WebAssembly
 * MLP of `description` on its rows. The rows travel in two SharedArrayBuffers (the workers' rows
 * of x copied in once, their scores read back once: no messages carry data), the workers get
 * the m(t), s(t) of the main thread's SDE. Every thread computes a row as one thread would, so
 * any split gives the same bytes. One call at a time (the samplers await each); undefined where
 * WebAssembly SIMD is missing.
 */
export async function parallelWasmScore(description: MlpScoreDescription, sde: Sde, options: ParallelWasmScoreOptions = {}): Promise<ParallelScoreModel | undefined> {
  const { workers = Math.max(0, availableParallelism() - 1), name } = options;
  if (!Number.isSafeInteger(workers) || workers < 0) throw new RangeError(`parallelWasmScore: workers must be an integer >= 0, got ${workers}.`);
  // Every thread runs the build this one picks (any split gives the same bytes).
  const variant = mlpKernelsVariant();
  const own = variant === undefined ? undefined : wasmNetworkScore(description, sde, { ...(name !== undefined && { name }), variant });
  if (own === undefined || variant === undefined) return undefined;
  const { dim } = description;
  const pool = workers === 0 ? undefined : await startWorkerPool(workers, { kind: 'wasm-init', description, variant });
  let shared = { x: new Float32Array(new SharedArrayBuffer(0)), out: new Float32Array(new SharedArrayBuffer(0)) };
  const sharedOf = (values: number) => {
    if (shared.x.length < values) shared = { x: new Float32Array(new SharedArrayBuffer(4 * values)), out: new Float32Array(new SharedArrayBuffer(4 * values)) };
    return shared;
  };
  let state: 'idle' | 'busy' | 'disposed' = 'idle';
  return {
    name: own.name,
    dim,
    async score(x, t, out) {
      if (state !== 'idle') throw new Error(`parallelWasmScore: ${state === 'busy' ? 'a score call is still running (one at a time)' : 'the score model was disposed'}.`);
      const n = x.length / dim;
      if (!Number.isInteger(n) || out.length !== x.length) {
        throw new RangeError(`parallelWasmScore: x and out must both hold n * ${dim} values, got ${x.length} and ${out.length}.`);
      }
      if (pool === undefined) return own.score(x, t, out);
      state = 'busy';
      try {
        const shards = rowShards(n, workers + 1);
        const rest = (shards[0] as { to: number }).to * dim;
        const { x: xs, out: outs } = sharedOf(x.length);
        xs.set(x.subarray(rest), rest);
        const marginal = sde.marginal(t);
        const replies = shards.slice(1).map(({ from, to }, k) => (to > from ? pool.request(k, { kind: 'wasm-score', x: xs, out: outs, from, to, t, marginal }) : undefined));
        // The workers' rows are posted first; this thread's rows run while they work.
        const mine = (async () => own.score(x.subarray(0, rest), t, out.subarray(0, rest)))();
        const results = await Promise.allSettled([mine, ...replies]);
        const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
        if (failed) throw failed.reason;
        out.set(outs.subarray(rest, x.length), rest);
      } finally {
        if (state === 'busy') state = 'idle';
      }
    },
    dispose: async () => {
      state = 'disposed';
      await pool?.dispose();
    },
  };
}
