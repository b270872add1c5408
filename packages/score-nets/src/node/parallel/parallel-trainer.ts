import type { Sde } from '@scoreflow/core';
import { tf } from '../../backend/tf.js';
import type { BuiltNetwork } from '../../unet/network-of.js';
import { type DsmBatch, dsmBatchRows } from '../../training/dsm-batch.js';
import { clippedAdam } from '../../training/optimizer.js';
import { type Trainer, type TrainerOptions, trainerBatch, trainerSettings } from '../../training/trainer.js';
import { flattenTensors } from '../../network/flat-weights.js';
import { type ParallelOptions, parallelSettings } from './parallel-options.js';
import { rowShards } from './row-shards.js';
import { shardGradients } from './shard-gradients.js';
import { type WorkerPool, startWorkerPool } from './worker-pool.js';
import type { InitRequest, WasmInitRequest } from './protocol.js';
import { type WasmDsmResult, wasmDsmGradients } from '../../wasm/wasm-dsm.js';
import { describeMlp, mlpOf } from '../../network/describe-mlp.js';
import { mlpKernelsVariant } from '../../wasm/wasm-mlp-module.js';

/**
 * The main thread's shard, relative to each worker's: besides its rows it draws the batch, posts
 * the shards and applies Adam, so a slightly smaller shard lets both finish together (measured on
 * 2 cores, MLP 3x128, batch 4096: 24.9 steps/s at 1, 28.8 at 0.9, 28.2 at 0.8).
 */
export const MAIN_THREAD_SHARE = 0.9;

/** Options of `createParallelTrainer`: a trainer's, how many workers share each batch, and what computes the gradients. */
export type ParallelTrainerOptions = TrainerOptions &
  ParallelOptions & {
    /** `tfjs` (default): TF.js's autodiff (`shardGradients`); `wasm`: the WebAssembly SIMD kernels (`wasmDsmGradients`; an eps MLP with SiLU). */
    readonly engine?: 'tfjs' | 'wasm';
  };

/** The kernels' gradients of `network` and its description (for the workers); throws for a network they do not train. */
function wasmShardGradients(network: BuiltNetwork) {
  const mlp = mlpOf(network);
  if (mlp === undefined) throw new RangeError('createParallelTrainer: engine wasm trains an MLP, not this network.');
  const description = describeMlp(mlp);
  // Every thread runs the build this one picks (the same bits on 0 or N workers).
  const variant = mlpKernelsVariant();
  const gradients = variant === undefined ? undefined : wasmDsmGradients(description, variant);
  if (variant === undefined || gradients === undefined) throw new RangeError('createParallelTrainer: engine wasm needs WebAssembly SIMD, which this JavaScript engine lacks.');
  return { description, variant, gradients };
}

/** A copy of rows from .. to - 1 of a batch, in buffers of its own (to transfer to a worker). */
function copiedRows(batch: DsmBatch, from: number, to: number): DsmBatch {
  const rows = dsmBatchRows(batch, from, to);
  return {
    ...rows,
    x0: rows.x0.slice(),
    t: rows.t.slice(),
    mean: rows.mean.slice(),
    std: rows.std.slice(),
    weight: rows.weight.slice(),
    z: rows.z.slice(),
    ...(rows.labels && { labels: rows.labels.slice() }),
  };
}

/**
 * A DSM trainer (the `Trainer` of `createTrainer`) whose steps are data-parallel over the main
 * thread and `workers` worker threads (synchronous data parallelism, Goyal et al. 2017). Each
 * step the main thread draws the whole batch (`trainerBatch`: times, noises and labels keyed by
 * row, so independent of the split), splits it into `workers + 1` fixed shards (`rowShards`, the first `MAIN_THREAD_SHARE` of the others' size),
 * sends each worker its shard with the current weights, computes the first shard's
 * `shardGradients` itself meanwhile, then sums the shard losses and gradients in shard order
 * (never arrival order), and applies `clippedAdam`. The optimiser lives on the main thread only:
 * `state()` and `resume` work as with `createTrainer`, and a run is deterministic for a fixed
 * worker count. Results equal `createTrainer`'s to float tolerance (the sum order differs), and
 * exactly with `workers: 0`. `dispose()` terminates the workers. With `engine: 'wasm'` every
 * thread computes its shard's gradients with score-nets' WebAssembly SIMD kernels instead
 * (`wasmDsmGradients`: the workers hold the kernels, not a TF.js replica); the rest is the same.
 */
export async function createParallelTrainer(network: BuiltNetwork, sde: Sde, options: ParallelTrainerOptions = {}): Promise<Trainer> {
  const settings = trainerSettings(network, sde, options);
  const { workers, backend } = parallelSettings(options, 'createParallelTrainer');
  const variables = [...network.variables];
  const wasm = options.engine === 'wasm' ? wasmShardGradients(network) : undefined;
  const init: InitRequest | WasmInitRequest = wasm ? { kind: 'wasm-init', description: wasm.description, variant: wasm.variant } : { kind: 'init', backend, options: network.options, weights: flattenTensors(variables) };
  const pool: WorkerPool | undefined = workers === 0 ? undefined : await startWorkerPool(workers, init);
  const adam = clippedAdam(variables, options, options.resume);
  const total = new Float32Array(adam.weights.length);
  let steps = options.resume?.steps ?? 0;
  let disposed = false;
  return {
    get steps() {
      return steps;
    },
    learningRateAt: adam.learningRateAt,
    async step(x0, labels) {
      if (disposed) throw new Error('ParallelTrainer.step: the trainer was disposed.');
      const batch = trainerBatch(network, sde, settings, x0, steps, labels);
      const shards = rowShards(batch.n, workers + 1, MAIN_THREAD_SHARE);
      const replies = shards.slice(1).map(({ from, to }, k) =>
        pool && to > from
          ? pool.request(k, { kind: wasm ? 'wasm-gradients' : 'gradients', weights: adam.weights.slice(), shard: copiedRows(batch, from, to), scale: (to - from) / batch.n })
          : undefined,
      );
      // Keep every reply handled even if this thread's shard throws first.
      const settled = Promise.allSettled(replies);
      const { from, to } = shards[0] as { from: number; to: number };
      const mine = dsmBatchRows(batch, from, to);
      const own = wasm ? undefined : shardGradients(network, mine, (to - from) / batch.n, variables);
      const ownWasm = wasm?.gradients(adam.weights, mine, (to - from) / batch.n);
      const results = await settled;
      let loss = 0;
      try {
        loss = own ? ((await own.loss.data())[0] ?? Number.NaN) : (ownWasm as WasmDsmResult).loss;
        const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
        if (failed) throw failed.reason;
        total.set(own ? flattenTensors(own.gradients) : (ownWasm as WasmDsmResult).gradients);
        for (const result of results) {
          if (result.status !== 'fulfilled' || result.value === undefined) continue;
          loss += result.value.loss;
          const shard = result.value.gradients;
          for (let i = 0; i < total.length; i++) total[i] = (total[i] as number) + (shard[i] as number);
        }
        adam.applyFlat(total, steps);
      } finally {
        if (own) tf.dispose([own.loss, ...own.gradients]);
      }
      steps += 1;
      return loss;
    },
    state: () => Promise.resolve(adam.state(steps)),
    dispose: () => {
      disposed = true;
      adam.dispose();
      void pool?.dispose();
    },
  };
}
