import { type Rng, type ScoreModel, type Sde, createRng } from '@scoreflow/core';
import { accumulateGeneric } from './generic-kernel.js';
import { accumulatePlane } from './plane-kernel.js';
import { createSoftmaxState, resetSoftmax, writeScores } from './streaming-softmax.js';
import { createSubsetDraw, drawSubset, subsetStep } from './subset.js';

/** Options of `empiricalScore`. */
export interface EmpiricalScoreOptions {
  /**
   * Use a random subset of this many points at each call instead of all N (uniform without
   * replacement, the same at the same t; see `empiricalScore` for what it estimates). Omitted, or
   * >= N: every point, the exact score.
   */
  readonly subset?: number;
  /** Where the subsets come from (stream `empirical-subset`, step = a hash of t); default `createRng(0)`. */
  readonly rng?: Rng;
  /** Points per chunk of the streaming log-sum-exp (default `defaultChunk(dim)`): a speed setting; the result is the same. */
  readonly chunk?: number;
}

/**
 * Default points per chunk: as many centres as fill 256 KiB (float64), so that a chunk stays in
 * the L2 cache while every particle passes over it, between 16 and 4096 points (4096 in 2-D,
 * 41 for 28 x 28 images).
 */
export function defaultChunk(dim: number): number {
  return Math.max(16, Math.min(4096, Math.floor(2 ** 18 / (8 * dim))));
}

/**
 * The exact score of the empirical distribution of `points` {y_1 .. y_N} (row-major, N * dim)
 * pushed through the SDE's affine marginal x_t = m(t) x_0 + s(t) eps (Song et al. 2021,
 * appendix B):
 *
 *   p_t(x) = (1/N) sum_j N(x; m y_j, s^2 I),
 *   grad log p_t(x) = sum_j r_j(x) (m y_j - x) / s^2,   r_j(x) = softmax_j(-|x - m y_j|^2 / (2 s^2)),
 *
 * the Gaussian mixture of N equal-weight point masses (zero-width components) diffused to time t.
 * By Tweedie's formula m y_hat(x) = x + s^2 grad log p_t(x), so y_hat = sum_j r_j y_j is the
 * optimal (minimum squared error) denoiser of the training set (Karras et al. 2022, appendix B.3;
 * a sampler that follows it reproduces training points, the memorisation studied by Kadkhodaie
 * et al. 2024). It is undefined where s(t) = 0 (point masses have no score): `score` throws there.
 *
 * Computed for each call in chunks of `chunk` points with a streaming log-sum-exp per particle
 * (running max, sum and weighted sum; see `SoftmaxState`): memory O(n dim + N dim + chunk), never
 * O(n N); time O(n N dim). Scratch is reused between calls (it grows only when a call brings more
 * particles than any before). Exponentials use `expClamped` (relative error < 5e-10, so each
 * weight r_j is off by a relative 1e-9 at most, below the float32 rounding of the output).
 *
 * `subset: k` uses k points drawn uniformly without replacement at each call, keyed by t (the same
 * t gives the same subset, whatever the batch). This is the exact score of the k-point empirical
 * distribution, a random target; it is NOT an unbiased estimate of grad log p_t. The scaled
 * numerator and denominator, (N/k) sum_{j in S} N(x; m y_j, s^2)(m y_j - x)/s^2 and
 * (N/k) sum_{j in S} N(x; m y_j, s^2), are unbiased for N grad p_t(x) and N p_t(x), but their
 * ratio is a self-normalised estimate, biased by O(1/k) and exact only at k = N. The bias is worst
 * at small t, where the nearest point dominates: the subset's nearest point is farther than the
 * set's, so the score pulls towards the nearest point of the subset, and a sampler lands on the
 * points of the last subsets it saw (still training points). At large t, where all r_j are about
 * equal, it is (m mean_S(y) - x) / s^2 with a subset mean whose spread is about std(y) / sqrt(k).
 *
 * @example
 * const model = empiricalScore(points, 2, sde);   // points: Float32Array of N * 2
 * model.score(x, 0.5, out);                       // out = grad log p_0.5(x)
 */
export function empiricalScore(points: Float32Array | Float64Array, dim: number, sde: Sde, options: EmpiricalScoreOptions = {}): ScoreModel {
  const fail = (message: string): never => {
    throw new RangeError(`empiricalScore: ${message}`);
  };
  if (!Number.isInteger(dim) || dim < 1) fail(`dim must be an integer >= 1, got ${dim}.`);
  if (points.length === 0 || points.length % dim !== 0) fail(`points holds ${points.length} values, expected N x dim (dim = ${dim}) with N >= 1.`);
  const bad = points.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) fail(`points must be finite, got ${points[bad]} at point ${Math.floor(bad / dim)}, coordinate ${bad % dim}.`);
  const total = points.length / dim;
  const { subset, chunk = defaultChunk(dim), rng = createRng(0) } = options;
  if (!Number.isInteger(chunk) || chunk < 1) fail(`chunk must be an integer >= 1, got ${chunk}.`);
  if (subset !== undefined && (!Number.isInteger(subset) || subset < 1)) fail(`subset must be an integer >= 1, got ${subset}.`);

  const data = Float64Array.from(points);
  const size = subset === undefined ? total : Math.min(subset, total);
  const draw = size < total ? createSubsetDraw(total, size) : undefined;
  const centres = new Float64Array(size * dim);
  const state = createSoftmaxState(dim, Math.min(chunk, size));
  const accumulate = dim === 2 ? accumulatePlane : accumulateGeneric;

  /** centres_j = m y_j for the points of this call (all of them, or the subset of t). */
  function fillCentres(mean: number, t: number): void {
    if (draw === undefined) {
      for (let i = 0; i < centres.length; i++) centres[i] = mean * data[i];
      return;
    }
    const indices = drawSubset(draw, rng, subsetStep(t));
    for (let k = 0; k < size; k++) {
      const from = indices[k] * dim;
      for (let a = 0; a < dim; a++) centres[k * dim + a] = mean * data[from + a];
    }
  }

  return {
    name: 'empirical',
    dim,
    score(x: Float32Array, t: number, out: Float32Array): void {
      if (x.length % dim !== 0) fail(`x holds ${x.length} values, not a multiple of the dimension ${dim}.`);
      if (out.length !== x.length) fail(`out holds ${out.length} values, expected ${x.length} (the length of x).`);
      const { mean, std } = sde.marginal(t);
      const precision = 1 / (std * std);
      if (!(precision < Number.POSITIVE_INFINITY) || !Number.isFinite(mean)) {
        fail(`the SDE's marginal at t = ${t} is m = ${mean}, s = ${std}: the score of point masses needs s > 0; stop the sampler at a t > 0.`);
      }
      fillCentres(mean, t);
      resetSoftmax(state, x.length / dim);
      const negHalfPrecision = -0.5 * precision;
      for (let first = 0; first < size; first += chunk) accumulate(state, x, centres, first, Math.min(first + chunk, size), negHalfPrecision);
      writeScores(state, x, precision, out);
    },
  };
}
