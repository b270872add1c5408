import type { DiffusedComponents } from '@scoreflow/core';
import type { ClassPartition } from './class-partition.js';

/** Per-particle scratch of the class kernels: the logits l_k. One per classifier, reused across calls. */
export interface ClassScratch {
  readonly logits: Float64Array;
}

/** Scratch for a mixture of `components` components. */
export const classScratch = (components: number): ClassScratch => ({ logits: new Float64Array(components) });

/**
 * The logits l_k(x) = c_k - 1/2 sum_j (x_j - m mu_kj)^2 / v_kj of the particle at `x[base]`
 * (`DiffusedComponents`), in float64. Returns [max_k l_k, max_{k in y} l_k].
 */
function logitsOf(c: DiffusedComponents, partition: ClassPartition, label: number, x: ArrayLike<number>, base: number, logits: Float64Array): [number, number] {
  const { dim, components, centres, precisions, logNormalisers } = c;
  let max = -Infinity;
  let classMax = -Infinity;
  for (let k = 0; k < components; k++) {
    let quadratic = 0;
    for (let j = 0; j < dim; j++) {
      const d = x[base + j] - centres[k * dim + j];
      quadratic += d * d * precisions[k * dim + j];
    }
    const l = logNormalisers[k] - 0.5 * quadratic;
    logits[k] = l;
    if (l > max) max = l;
    if (partition.classOf[k] === label && l > classMax) classMax = l;
  }
  return [max, classMax];
}

/**
 * out_i = sum_k (a r^y_k(x_i) + b r_k(x_i)) s_k(x_i), in float64, for each particle of `x`:
 * r_k = softmax_k l_k are the responsibilities of the diffused mixture, r^y_k those within class
 * y (zero outside it), s_k = -(x - m mu_k) / v_k the component scores (research note §0-1). So
 *
 *   (a, b) = (0, 1): s, the mixture score;   (1, 0): s_y, the score of class y's mixture;
 *   (1, -1): s_y - s = grad_x log p_t(y | x), the exact noisy classifier's gradient.
 *
 * Both softmaxes subtract their own maximum, so every term is finite however far x lies.
 */
export function writeClassField(
  c: DiffusedComponents,
  partition: ClassPartition,
  label: number,
  [a, b]: readonly [number, number],
  x: ArrayLike<number>,
  out: Float32Array | Float64Array,
  { logits }: ClassScratch,
): void {
  const { dim, components, centres, precisions } = c;
  const n = x.length / dim;
  for (let i = 0; i < n; i++) {
    const base = i * dim;
    const [max, classMax] = logitsOf(c, partition, label, x, base, logits);
    let sum = 0;
    let classSum = 0;
    for (let k = 0; k < components; k++) {
      sum += Math.exp(logits[k] - max);
      if (partition.classOf[k] === label) classSum += Math.exp(logits[k] - classMax);
    }
    for (let k = 0; k < components; k++) {
      const inClass = partition.classOf[k] === label ? Math.exp(logits[k] - classMax) / classSum : 0;
      logits[k] = a * inClass + b * (Math.exp(logits[k] - max) / sum);
    }
    for (let j = 0; j < dim; j++) {
      let g = 0;
      for (let k = 0; k < components; k++) g += logits[k] * (centres[k * dim + j] - x[base + j]) * precisions[k * dim + j];
      out[base + j] = g;
    }
  }
}

/** out_i = log p_t(y | x_i) = logsumexp_{k in y} l_k - logsumexp_k l_k (log of sum_{k in y} r_k), in float64. */
export function writeClassLogProbability(
  c: DiffusedComponents,
  partition: ClassPartition,
  label: number,
  x: ArrayLike<number>,
  out: Float64Array,
  { logits }: ClassScratch,
): void {
  const n = x.length / c.dim;
  for (let i = 0; i < n; i++) {
    const [max, classMax] = logitsOf(c, partition, label, x, i * c.dim, logits);
    let sum = 0;
    let classSum = 0;
    for (let k = 0; k < c.components; k++) {
      sum += Math.exp(logits[k] - max);
      if (partition.classOf[k] === label) classSum += Math.exp(logits[k] - classMax);
    }
    out[i] = classMax + Math.log(classSum) - max - Math.log(sum);
  }
}
