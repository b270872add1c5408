import { type GaussianMixture, type Sde, allocateComponents, countParticles, diffuseComponents } from '@scoreflow/core';
import { type ClassPartition, checkLabel, classPartition } from './class-partition.js';
import { classScratch, writeClassField, writeClassLogProbability } from './class-kernel.js';

/** Positions or fields, float32 (what score models write) or float64 (the reference arithmetic). */
type Field = Float32Array | Float64Array;

/**
 * The exact noisy classifier of a Gaussian mixture whose components carry class labels
 * (research note §1; Dhariwal & Nichol 2021 train one): under the SDE's marginal
 * x_t = m(t) x_0 + s(t) eps, p_t(y | x) = sum_{k in y} r_k(x), the responsibilities of class y's
 * components in the diffused mixture. Every method computes in float64, for any dim and K.
 */
export interface MixtureClassifier {
  readonly dim: number;
  /** Number of classes C. */
  readonly classes: number;
  readonly partition: ClassPartition;
  /** out_i = log p_t(y | x_i) (n values). */
  logProbability(x: Field, t: number, label: number, out: Float64Array): Float64Array;
  /** out = p_t(c | x_i) for every class c, row-major (n * C); rows sum to 1. */
  probabilities(x: Field, t: number, out: Float64Array): Float64Array;
  /** out_i = grad_x log p_t(y | x_i) = s_y(x_i) - s(x_i) (n * dim). */
  gradLogProbability<F extends Field>(x: Field, t: number, label: number, out: F): F;
  /** out_i = s(x_i) = grad log p_t(x_i), the mixture's score, in float64 (n * dim). */
  score<F extends Field>(x: Field, t: number, out: F): F;
  /** out_i = s_y(x_i) = grad log p_t(x_i | y), the exact conditional score (n * dim). */
  classScore<F extends Field>(x: Field, t: number, label: number, out: F): F;
}

/** Options of `mixtureClassifier`. */
export interface MixtureClassifierOptions {
  /** The class of each component (default: component k is class k). */
  readonly classes?: ArrayLike<number>;
}

const FN = 'mixtureClassifier';

/**
 * The exact noisy classifier p_t(y | x) of `mixture` diffused by `sde` (see `MixtureClassifier`).
 * The O(K dim) constants of p_t are computed once per call; buffers are reused.
 *
 * @example
 * const classifier = mixtureClassifier(MIXTURE_PRESETS['double-gaussian'](), sde);
 * classifier.gradLogProbability(x, 0.5, 1, out); // grad_x log p_0.5(y = 1 | x)
 */
export function mixtureClassifier(mixture: GaussianMixture, sde: Sde, options: MixtureClassifierOptions = {}): MixtureClassifier {
  const components = allocateComponents(FN, mixture);
  const partition = classPartition(mixture, options.classes, FN);
  const scratch = classScratch(mixture.components);
  const { dim } = mixture;
  const at = (t: number) => {
    const { mean, std } = sde.marginal(t);
    return diffuseComponents(mixture, mean, std, components);
  };
  const field = <F extends Field>(x: Field, t: number, label: number, coefficients: readonly [number, number], out: F): F => {
    countParticles(FN, x, dim, out, dim);
    checkLabel(partition, label, FN);
    writeClassField(at(t), partition, label, coefficients, x, out, scratch);
    return out;
  };
  const logProbability = (x: Field, t: number, label: number, out: Float64Array): Float64Array => {
    countParticles(FN, x, dim, out, 1);
    checkLabel(partition, label, FN);
    writeClassLogProbability(at(t), partition, label, x, out, scratch);
    return out;
  };
  return {
    dim,
    classes: partition.classes,
    partition,
    logProbability,
    probabilities(x, t, out) {
      const n = countParticles(FN, x, dim, out, partition.classes);
      const column = new Float64Array(n);
      for (let y = 0; y < partition.classes; y++) {
        logProbability(x, t, y, column);
        for (let i = 0; i < n; i++) out[i * partition.classes + y] = Math.exp(column[i]);
      }
      return out;
    },
    gradLogProbability: (x, t, label, out) => field(x, t, label, [1, -1], out),
    score: (x, t, out) => field(x, t, 0, [0, 1], out),
    classScore: (x, t, label, out) => field(x, t, label, [1, 0], out),
  };
}
