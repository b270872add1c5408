import { expClamped } from '@scoreflow/core';

/**
 * Per-particle state of a streaming (online) log-sum-exp over the points of an empirical score
 * (Milakov and Gimelshein, "Online normalizer calculation for softmax", 2018; the merge of
 * FlashAttention): after the chunks seen so far, for particle i,
 *
 *   maxes[i]             = M_i = max_j l_ij
 *   sums[i]              = S_i = sum_j exp(l_ij - M_i)
 *   weighted[i dim + a]  = W_ia = sum_j exp(l_ij - M_i) c_ja
 *
 * with logits l_ij = -|x_i - c_j|^2 / (2 s^2) and centres c_j = m y_j. A chunk whose largest
 * logit exceeds M_i rescales S_i and W_i by exp(M_i - M_new) once; then every term is exp of a
 * number <= 0, so nothing overflows however far x_i lies from the points. Memory: O(n dim) for
 * the state, O(chunk) for the logits of one or two particles; nothing O(n N).
 */
export interface SoftmaxState {
  readonly dim: number;
  maxes: Float64Array;
  sums: Float64Array;
  weighted: Float64Array;
  /** Scratch: the logits of one particle against one chunk (and of a second, for the 2-D kernel). */
  readonly logits: Float64Array;
  readonly logitsPair: Float64Array;
}

/**
 * `expClamped`'s floor: a term below exp(-80) = 1.8e-35 of the largest counts as exp(-80), and a
 * chunk whose largest logit lies more than 80 below the running max (adding less than a relative
 * chunk x 1.8e-35 to a sum >= 1) is skipped.
 */
export const NEGLIGIBLE = -80;

/**
 * exp(z) for z <= 0 (a logit less the running max), as `expClamped(max(z, -80))` with the lower
 * clamp written without a branch: max(z, b) = (z + b + |z - b|) / 2. At moderate s half the
 * logits of a particle may lie below -80, where a branch would be mispredicted (measured 9 ns
 * instead of 5.5 per particle per point in 2-D); `expClamped`'s own branches are then never
 * taken. The rounding of the sum moves z by about 1e-14: a relative 1e-14 in exp(z). NaN stays NaN.
 */
export function expNonPositive(z: number): number {
  return expClamped(0.5 * (z + NEGLIGIBLE + Math.abs(z - NEGLIGIBLE)));
}

/** A state for `dim`-dimensional particles and chunks of up to `chunk` points. */
export function createSoftmaxState(dim: number, chunk: number): SoftmaxState {
  const empty = new Float64Array(0);
  return { dim, maxes: empty, sums: empty, weighted: empty, logits: new Float64Array(chunk), logitsPair: new Float64Array(chunk) };
}

/** Empties the state for `n` particles (M = -infinity, S = W = 0), growing its buffers if needed. */
export function resetSoftmax(state: SoftmaxState, n: number): void {
  if (state.maxes.length < n) {
    state.maxes = new Float64Array(n);
    state.sums = new Float64Array(n);
    state.weighted = new Float64Array(n * state.dim);
  }
  state.maxes.fill(Number.NEGATIVE_INFINITY, 0, n);
  state.sums.fill(0, 0, n);
  state.weighted.fill(0, 0, n * state.dim);
}

/**
 * Merges a chunk whose largest logit for particle i is `chunkMax`: raises M_i to it if larger,
 * rescaling S_i and W_i by exp(M_old - M_new) (0 for the first chunk, where M_old = -infinity).
 * Returns whether the chunk's terms must be added (false when it is negligible, see `NEGLIGIBLE`).
 */
export function mergeMax(state: SoftmaxState, i: number, chunkMax: number): boolean {
  const { dim, maxes, sums, weighted } = state;
  const max = maxes[i];
  if (chunkMax > max) {
    const scale = Math.exp(max - chunkMax);
    sums[i] *= scale;
    for (let a = i * dim; a < (i + 1) * dim; a++) weighted[a] *= scale;
    maxes[i] = chunkMax;
    return true;
  }
  return !(chunkMax - max < NEGLIGIBLE);
}

/**
 * out_i = (W_i / S_i - x_i) / s^2 = sum_j r_ij (c_j - x_i) / s^2 with r_ij = softmax_j l_ij:
 * the score, from the state after the last chunk (`precision` = 1 / s^2). Returns `out`.
 */
export function writeScores(state: SoftmaxState, x: Float32Array, precision: number, out: Float32Array): Float32Array {
  const { dim, sums, weighted } = state;
  const n = x.length / dim;
  for (let i = 0; i < n; i++) {
    const inverse = 1 / sums[i];
    for (let a = i * dim; a < (i + 1) * dim; a++) out[a] = (weighted[a] * inverse - x[a]) * precision;
  }
  return out;
}
