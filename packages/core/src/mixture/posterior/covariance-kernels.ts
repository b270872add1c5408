import { CholeskyDecomposition, Matrix } from 'ml-matrix';
import { expClamped } from '../exp-clamped.js';
import { type CovarianceMixture, covarianceOf } from './covariance-mixture.js';

const LOG_2PI = Math.log(2 * Math.PI);

/**
 * The constants of a `CovarianceMixture` pushed through x_t = m x_0 + s eps (every linear SDE's
 * marginal): component k becomes N(m mu_k, C_k) with C_k = m^2 Sigma_k + s^2 I, and
 *
 *   log p_t(x) = logsumexp_k l_k(x),   l_k(x) = c_k - 1/2 (x - m mu_k)^T C_k^-1 (x - m mu_k),
 *   c_k = log w_k - 1/2 log det(2 pi C_k).
 *
 * Computed once per time (K Cholesky factorisations of dim x dim), then used by every particle.
 */
export interface DiffusedCovarianceComponents {
  readonly dim: number;
  readonly components: number;
  /** m mu_k, row-major K * dim. */
  readonly centres: Float64Array;
  /** C_k^-1, K row-major dim * dim blocks. */
  readonly precisions: Float64Array;
  /** c_k, including log w_k. */
  readonly logNormalisers: Float64Array;
  /** Scratch: the K logits of one particle. */
  readonly logits: Float64Array;
  /** Scratch: the K per-component scores -C_k^-1 (x - m mu_k) of one particle, K * dim. */
  readonly scores: Float64Array;
}

/**
 * The constants of `mixture` diffused by x_t = mean x_0 + std eps (see
 * `DiffusedCovarianceComponents`). Throws a RangeError when some C_k is singular: a noise-free
 * posterior (singular Sigma_k) has a density only for std > 0.
 */
export function diffuseCovarianceComponents(mixture: CovarianceMixture, mean: number, std: number): DiffusedCovarianceComponents {
  const { dim, components, weights, means } = mixture;
  const centres = means.map((mu) => mean * mu);
  const precisions = new Float64Array(components * dim * dim);
  const logNormalisers = new Float64Array(components);
  const identity = Matrix.eye(dim, dim);
  for (let k = 0; k < components; k++) {
    const sigma = covarianceOf(mixture, k);
    const C = new Matrix(dim, dim);
    for (let i = 0; i < dim; i++) for (let j = 0; j < dim; j++) C.set(i, j, mean * mean * sigma[i * dim + j] + (i === j ? std * std : 0));
    const cholesky = new CholeskyDecomposition(C);
    if (!cholesky.isPositiveDefinite()) {
      throw new RangeError(`diffuseCovarianceComponents: component ${k} has a singular covariance at std = ${std} (a noise-free posterior has a density only for std > 0).`);
    }
    const L = cholesky.lowerTriangularMatrix;
    let logDet = 0;
    for (let i = 0; i < dim; i++) logDet += 2 * Math.log(L.get(i, i));
    logNormalisers[k] = Math.log(weights[k]) - 0.5 * (logDet + dim * LOG_2PI);
    const inverse = cholesky.solve(identity);
    for (let i = 0; i < dim; i++) for (let j = 0; j < dim; j++) precisions[k * dim * dim + i * dim + j] = 0.5 * (inverse.get(i, j) + inverse.get(j, i));
  }
  return { dim, components, centres, precisions, logNormalisers, logits: new Float64Array(components), scores: new Float64Array(components * dim) };
}

/** Writes the logits l_k and per-component scores of the particle at x[base] into the scratch buffers; returns max_k l_k. */
function writeLogits(c: DiffusedCovarianceComponents, x: Float32Array | Float64Array, base: number): number {
  const { dim, components, centres, precisions, logNormalisers, logits, scores } = c;
  let max = -Infinity;
  for (let k = 0; k < components; k++) {
    let quadratic = 0;
    for (let i = 0; i < dim; i++) {
      let g = 0;
      for (let j = 0; j < dim; j++) g -= precisions[k * dim * dim + i * dim + j] * (x[base + j] - centres[k * dim + j]);
      scores[k * dim + i] = g;
      quadratic -= (x[base + i] - centres[k * dim + i]) * g;
    }
    const logit = logNormalisers[k] - 0.5 * quadratic;
    logits[k] = logit;
    if (logit > max) max = logit;
  }
  return max;
}

/** out[i] = log p_t(x_i), a stable log-sum-exp of the logits. */
export function writeCovarianceLogDensity(c: DiffusedCovarianceComponents, x: Float32Array | Float64Array, out: Float64Array): Float64Array {
  const { dim, components, logits } = c;
  for (let i = 0; i < x.length / dim; i++) {
    const max = writeLogits(c, x, i * dim);
    let sum = 0;
    for (let k = 0; k < components; k++) sum += Math.exp(logits[k] - max);
    out[i] = max + Math.log(sum);
  }
  return out;
}

/** out_i = grad log p_t(x_i) = sum_k r_k(x_i) (-C_k^-1 (x_i - m mu_k)), r = softmax of the logits. */
export function writeCovarianceScore(c: DiffusedCovarianceComponents, x: Float32Array | Float64Array, out: Float32Array): Float32Array {
  const { dim, components, logits, scores } = c;
  for (let i = 0; i < x.length / dim; i++) {
    const base = i * dim;
    const max = writeLogits(c, x, base);
    let sum = 0;
    for (let k = 0; k < components; k++) sum += logits[k] = expClamped(logits[k] - max);
    for (let j = 0; j < dim; j++) {
      let g = 0;
      for (let k = 0; k < components; k++) g += logits[k] * scores[k * dim + j];
      out[base + j] = g / sum;
    }
  }
  return out;
}
