import { Observable } from 'rxjs';
import { type DataSource, type Sde, collectAll, createRng, createRunContext, labelsOf, positionsOf, streamId, yieldToEventLoop } from '@scoreflow/core';
import type { ScoreNetwork } from '../network/mlp.js';
import type { WeightEma } from '../ema/weight-ema.js';
import { type Trainer, type TrainerOptions, createTrainer } from './trainer.js';

/** The keyed-RNG stream of the pool rows a training step draws. */
const BATCH_ROWS = streamId('score-nets-train/batch-rows');

/** How long `train` runs steps before it yields to the event loop (milliseconds). */
export const YIELD_EVERY_MS = 30;

/** The defaults of `train`'s own options: rows per step, the data pool, the decay of the loss EMA. */
export const TRAIN_DEFAULTS = { batchSize: 512, poolSize: 65_536, emaDecay: 0.98 } as const;

/** A progress record of `train`, one per step. */
export interface TrainProgress {
  /** Steps done (1-based). */
  readonly step: number;
  /** DSM loss of this step's batch. */
  readonly loss: number;
  /** Exponential moving average of the loss (bias-corrected, decay `emaDecay`). */
  readonly emaLoss: number;
  /** Steps per second since training started. */
  readonly stepsPerSecond: number;
}

/** Options of `train`; everything but `steps` has a default. */
export interface TrainOptions extends TrainerOptions {
  /** Total steps: training runs from the trainer's `steps` (0, or where it resumed) to this. */
  readonly steps: number;
  /**
   * A trainer to continue (e.g. created with `resume`); it is not disposed at the end. Without
   * it, `train` creates one from these options and disposes it when done.
   */
  readonly trainer?: Trainer;
  /** Rows per step (default 512). */
  readonly batchSize?: number;
  /** Particles drawn once from the data source, then sampled with replacement (default 65,536). */
  readonly poolSize?: number;
  /** Decay of the loss EMA (default 0.98). */
  readonly emaDecay?: number;
  /** Updated after every step (see `weightEma`). */
  readonly ema?: WeightEma;
  /** Stops training at the next step. */
  readonly signal?: AbortSignal;
}

/** The training data: particles drawn once, row-major, with their labels when asked for. */
interface Pool {
  readonly x: Float32Array;
  readonly labels?: Int32Array;
}

/** Draws `poolSize` particles from `data` (seeded) into one row-major array, and their labels if `withLabels`. */
async function poolOf(data: DataSource, poolSize: number, seed: number, withLabels: boolean): Promise<Pool> {
  const ctx = createRunContext({ dim: data.dim, particles: poolSize, seed, name: 'score-nets-train' });
  const batches = await collectAll(data.sample(ctx));
  const x = new Float32Array(poolSize * data.dim);
  const labels = withLabels ? new Int32Array(poolSize) : undefined;
  let row = 0;
  for (const batch of batches) {
    x.set(positionsOf(batch), row * data.dim);
    if (labels) {
      const batchLabels = labelsOf(batch);
      if (batchLabels === undefined) throw new RangeError(`train: the network is conditional (classes), but the data source '${data.name}' emits no labels.`);
      labels.set(batchLabels, row);
    }
    row += batch.numRows;
  }
  return { x, ...(labels && { labels }) };
}

/**
 * Trains `network` by denoising score matching (Song et al. 2021, eq. 7) on particles of `data`
 * under `sde`: a cold Observable that, on subscription, draws a pool of data, then emits one
 * `TrainProgress` per step for `steps` steps and completes. Unsubscribing (or `signal`) stops it
 * after the current step; the optimiser is disposed when it ends. The network's weights are
 * updated in place. Every `YIELD_EVERY_MS` it yields to the event loop (`yieldToEventLoop`), so
 * that a page repaints and timers and signal handlers run while it trains.
 */
export function train(network: ScoreNetwork, sde: Sde, data: DataSource, options: TrainOptions): Observable<TrainProgress> {
  const { steps, batchSize = TRAIN_DEFAULTS.batchSize, poolSize = TRAIN_DEFAULTS.poolSize, emaDecay = TRAIN_DEFAULTS.emaDecay, seed = 0, signal, ema: weights } = options;
  if (data.dim !== network.dim) throw new RangeError(`train: the data source's dim ${data.dim} differs from the network's dim ${network.dim}.`);
  for (const [field, value] of [['steps', steps], ['batchSize', batchSize], ['poolSize', poolSize]] as const) {
    if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`train: ${field} must be an integer >= 1, got ${value}.`);
  }
  return new Observable<TrainProgress>((subscriber) => {
    let stopped = false;
    const owned = options.trainer === undefined;
    const trainer = options.trainer ?? createTrainer(network, sde, options);
    const { dim } = network;
    const run = async (): Promise<void> => {
      const pool = await poolOf(data, poolSize, seed, trainer.needsLabels ?? network.classes > 0);
      const batch = new Float32Array(batchSize * dim);
      const labels = pool.labels && new Int32Array(batchSize);
      const rows = createRng(seed);
      const picks = new Float64Array(batchSize);
      const start = performance.now();
      const first = trainer.steps + 1;
      let ema = 0;
      let lastYield = start;
      for (let step = first; step <= steps && !stopped && !signal?.aborted; step++) {
        // Row r of step s picks pool index floor(u * poolSize), u keyed by (seed, r, s): a resumed run draws the same.
        rows.uniform(picks, { first: 0, count: batchSize }, 1, { step, stream: BATCH_ROWS });
        for (let row = 0; row < batchSize; row++) {
          const index = Math.min(Math.floor(picks[row] * poolSize), poolSize - 1);
          batch.set(pool.x.subarray(index * dim, (index + 1) * dim), row * dim);
          if (labels && pool.labels) labels[row] = pool.labels[index] as number;
        }
        const loss = await trainer.step(batch, labels);
        weights?.update();
        ema = emaDecay * ema + (1 - emaDecay) * loss;
        const emaLoss = ema / (1 - Math.pow(emaDecay, step - first + 1));
        const stepsPerSecond = (1000 * (step - first + 1)) / Math.max(1e-9, performance.now() - start);
        if (!stopped) subscriber.next({ step, loss, emaLoss, stepsPerSecond });
        if (performance.now() - lastYield >= YIELD_EVERY_MS) {
          await yieldToEventLoop();
          lastYield = performance.now();
        }
      }
      subscriber.complete();
    };
    run()
      .catch((error: unknown) => subscriber.error(error))
      .finally(() => {
        if (owned) trainer.dispose();
      });
    return () => {
      stopped = true;
    };
  });
}
