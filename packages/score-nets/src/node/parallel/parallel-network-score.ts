import type { ScoreModel, Sde } from '@scoreflow/core';
import type { BuiltNetwork } from '../../unet/network-of.js';
import { type NetworkScoreOptions, networkScore } from '../../network/network-score.js';
import { flattenTensors } from '../../network/flat-weights.js';
import { type ParallelOptions, parallelSettings } from './parallel-options.js';
import { rowShards } from './row-shards.js';
import { startWorkerPool } from './worker-pool.js';

/** Options of `parallelNetworkScore`: `networkScore`'s, and how many workers share each call. */
export type ParallelNetworkScoreOptions = NetworkScoreOptions & ParallelOptions;

/** A score model that holds worker threads: `dispose()` ends them. */
export interface ParallelScoreModel extends ScoreModel {
  /** Terminates the workers; resolves when they have exited. Later calls reject. */
  dispose(): Promise<void>;
}

/**
 * `networkScore` with the rows of each `score(x, t, out)` call split over the main thread and
 * `workers` worker threads (`rowShards`): each thread runs `networkScore` on its rows (the one
 * conversion, `scoreOf`), the workers with the m(t), s(t) the main thread computes from `sde`
 * (workers hold no SDE). The workers' networks are replicas of `network` with the weights it
 * holds now: train first, then create this. Results equal `networkScore`'s on the same backend
 * to float tolerance; with `workers: 0` it is `networkScore`.
 */
export async function parallelNetworkScore(network: BuiltNetwork, sde: Sde, options: ParallelNetworkScoreOptions = {}): Promise<ParallelScoreModel> {
  const { workers, backend } = parallelSettings(options, 'parallelNetworkScore');
  const { label } = options;
  const own = networkScore(network, sde, options);
  const { dim } = network;
  const pool = workers === 0 ? undefined : await startWorkerPool(workers, { kind: 'init', backend, options: network.options, weights: flattenTensors(network.variables) });
  let disposed = false;
  return {
    name: own.name,
    dim,
    async score(x, t, out) {
      if (disposed) throw new Error('parallelNetworkScore: the score model was disposed.');
      const n = x.length / dim;
      if (!Number.isInteger(n) || out.length !== x.length) {
        throw new RangeError(`parallelNetworkScore: x and out must both hold n * ${dim} values, got ${x.length} and ${out.length}.`);
      }
      if (pool === undefined) return own.score(x, t, out);
      const shards = rowShards(n, workers + 1);
      const marginal = sde.marginal(t);
      const replies = shards.slice(1).map(({ from, to }, k) =>
        to > from
          ? pool.request(k, { kind: 'score', x: x.slice(from * dim, to * dim), t, marginal, ...(label !== undefined && { label }) }).then(({ out: rows }) => out.set(rows, from * dim))
          : undefined,
      );
      const { from, to } = shards[0] as { from: number; to: number };
      // The workers' rows are posted first; this thread's rows run while they work.
      const results = await Promise.allSettled([own.score(x.subarray(from * dim, to * dim), t, out.subarray(from * dim, to * dim)), ...replies]);
      const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
      if (failed) throw failed.reason;
    },
    // The divergence (likelihoods) runs on this thread: autodiff, not split over the workers.
    divergence: own.divergence,
    dispose: async () => {
      disposed = true;
      await pool?.dispose();
    },
  };
}
