import { type Sde, createRng, streamId } from '@scoreflow/core';

/**
 * How the DSM loss weighs time t (Song et al. 2021, eq. 7):
 * - `s2`: lambda(t) = s(t)^2, the default, which makes every t contribute O(1) (the noise-
 *   prediction loss of Ho et al. 2020);
 * - `likelihood`: lambda(t) = g(t)^2, under which the loss bounds the negative log-likelihood
 *   (Song, Durkan, Murray & Ermon 2021, "Maximum likelihood training of score-based diffusion
 *   models", theorem 1). Its weights g^2 / s^2 grow like 1 / t near 0: a noisier loss.
 */
export type Weighting = (typeof WEIGHTINGS)[number];

/** The weightings. */
export const WEIGHTINGS = ['s2', 'likelihood'] as const;

/**
 * One batch of the DSM loss, prepared on the host: everything per row that the SDE decides,
 * so that any thread can evaluate the loss without the SDE. Row-major; n rows of `dim`.
 */
export interface DsmBatch {
  readonly n: number;
  readonly dim: number;
  /** Data x_0 (n x dim). */
  readonly x0: Float32Array;
  /** Times t (n). */
  readonly t: Float32Array;
  /** The marginal's m(t) and s(t) (n each): x_t = m x_0 + s z. */
  readonly mean: Float32Array;
  readonly std: Float32Array;
  /** lambda(t) / s(t)^2 (n): 1 for `s2`, g^2 / s^2 for `likelihood`. */
  readonly weight: Float32Array;
  /** Noises z ~ N(0, I) (n x dim). */
  readonly z: Float32Array;
  /** Class labels (n), for a conditional network; `classes` is the null label. */
  readonly labels?: Int32Array;
}

/** What `drawDsmBatch` draws with. */
export interface DsmDraw {
  /** Seed of the run (times, noises, label dropout). */
  readonly seed: number;
  /** The step: each step's draws depend only on (seed, step, row). */
  readonly step: number;
  /** Times are drawn from U[eps, T]. */
  readonly eps: number;
  readonly weighting: Weighting;
  /** Labels of the rows of x0, for a conditional network. */
  readonly labels?: Int32Array;
  /** The null label (the network's `classes`), which replaces a label with probability `labelDropout`. */
  readonly nullLabel?: number;
  /** Probability of dropping a row's label (classifier-free guidance training; default 0). */
  readonly labelDropout?: number;
}

const TIME = streamId('dsm-time');
const NOISE = streamId('dsm-noise');
const DROPOUT = streamId('dsm-label-dropout');

/**
 * Draws the times t ~ U[eps, T] and noises z ~ N(0, I) of one DSM step for the rows of `x0`
 * (n x dim) with the project's keyed generator (row i's numbers depend on seed, step and i only:
 * a batch split into shards draws what the whole batch draws), and computes m(t), s(t) and the
 * weight of each row from the SDE.
 */
export function drawDsmBatch(sde: Sde, x0: Float32Array, dim: number, draw: DsmDraw): DsmBatch {
  const n = x0.length / dim;
  if (!Number.isInteger(n) || n === 0) throw new RangeError(`drawDsmBatch: x0 must hold n * ${dim} values, n >= 1, got ${x0.length}.`);
  const { seed, step, eps, weighting, labelDropout = 0 } = draw;
  const rng = createRng(seed);
  const rows = { first: 0, count: n };
  const t = rng.uniform(new Float32Array(n), rows, 1, { step, stream: TIME });
  const z = rng.normal(new Float32Array(n * dim), rows, dim, { step, stream: NOISE });
  const mean = new Float32Array(n);
  const std = new Float32Array(n);
  const weight = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    t[i] = eps + (sde.T - eps) * (t[i] as number);
    const ti = t[i] as number;
    const marginal = sde.marginal(ti);
    mean[i] = marginal.mean;
    std[i] = marginal.std;
    weight[i] = weighting === 's2' ? 1 : (sde.diffusion(ti) / marginal.std) ** 2;
  }
  let labels = draw.labels;
  if (labels !== undefined) {
    if (labels.length !== n) throw new RangeError(`drawDsmBatch: labels must hold one label per row (${n}), got ${labels.length}.`);
    if (labelDropout > 0) {
      if (draw.nullLabel === undefined) throw new RangeError('drawDsmBatch: labelDropout needs the null label.');
      const u = rng.uniform(new Float32Array(n), rows, 1, { step, stream: DROPOUT });
      labels = labels.map((label, i) => ((u[i] as number) < labelDropout ? (draw.nullLabel as number) : label));
    }
  }
  return { n, dim, x0, t, mean, std, weight, z, ...(labels && { labels }) };
}

/** Rows `from .. to - 1` of a batch (views, no copy): the shard of one worker. */
export function dsmBatchRows(batch: DsmBatch, from: number, to: number): DsmBatch {
  const { dim } = batch;
  return {
    n: to - from,
    dim,
    x0: batch.x0.subarray(from * dim, to * dim),
    t: batch.t.subarray(from, to),
    mean: batch.mean.subarray(from, to),
    std: batch.std.subarray(from, to),
    weight: batch.weight.subarray(from, to),
    z: batch.z.subarray(from * dim, to * dim),
    ...(batch.labels && { labels: batch.labels.subarray(from, to) }),
  };
}
