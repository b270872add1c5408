import { expClamped } from '@scoreflow/core';
import { NEGLIGIBLE, type SoftmaxState, mergeMax } from './streaming-softmax.js';

/**
 * Folds the centres `centres[first * dim .. end * dim)` into the state of every particle of `x`
 * (row-major, n * dim), with `negHalfPrecision` = -1 / (2 s^2): per particle, one pass writes the
 * chunk's logits and their max, `mergeMax` rescales the state, a second pass adds
 * exp(l_j - M_i) to S_i and exp(l_j - M_i) c_j to W_i. For any dim (`accumulatePlane` is the
 * 2-D kernel). Terms below exp(-80) of the largest are skipped: the dim multiply-adds are then
 * saved (in high dimension the softmax is sharp and most terms are such), at a relative change of
 * the sums below N x 1.8e-35.
 */
export function accumulateGeneric(state: SoftmaxState, x: Float32Array, centres: Float64Array, first: number, end: number, negHalfPrecision: number): void {
  const { dim, maxes, sums, weighted, logits } = state;
  const n = x.length / dim;
  for (let i = 0; i < n; i++) {
    const base = i * dim;
    let chunkMax = Number.NEGATIVE_INFINITY;
    for (let j = first; j < end; j++) {
      const logit = squaredDistance(x, base, centres, j * dim, dim) * negHalfPrecision;
      logits[j - first] = logit;
      if (logit > chunkMax) chunkMax = logit;
    }
    if (!mergeMax(state, i, chunkMax)) continue;
    const max = maxes[i];
    let sum = sums[i];
    for (let j = first; j < end; j++) {
      const z = logits[j - first] - max;
      if (z < NEGLIGIBLE) continue; // NaN goes on, and makes the sum NaN
      const e = expClamped(z);
      sum += e;
      for (let a = 0, c = j * dim; a < dim; a++, c++) weighted[base + a] += e * centres[c];
    }
    sums[i] = sum;
  }
}

/**
 * |x_i - c_j|^2 for the particle at `x[base]` and the centre at `centres[c]`, with four partial
 * sums so that the additions do not wait on each other (the loop is bound by their latency).
 */
function squaredDistance(x: Float32Array, base: number, centres: Float64Array, c: number, dim: number): number {
  let q0 = 0;
  let q1 = 0;
  let q2 = 0;
  let q3 = 0;
  let a = 0;
  for (; a + 3 < dim; a += 4) {
    const d0 = x[base + a] - centres[c + a];
    const d1 = x[base + a + 1] - centres[c + a + 1];
    const d2 = x[base + a + 2] - centres[c + a + 2];
    const d3 = x[base + a + 3] - centres[c + a + 3];
    q0 += d0 * d0;
    q1 += d1 * d1;
    q2 += d2 * d2;
    q3 += d3 * d3;
  }
  for (; a < dim; a++) {
    const d = x[base + a] - centres[c + a];
    q0 += d * d;
  }
  return q0 + q1 + (q2 + q3);
}
