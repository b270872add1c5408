import { rowCount } from '../samples/rows.js';

/** The sample mean (1/n) sum_i x_i of the rows of `x` (n * dim, row-major), in Float64. */
export function sampleMean(x: Float32Array, dim: number): Float64Array {
  const n = rowCount('sampleMean', 'x', x, dim);
  const mean = new Float64Array(dim);
  for (let i = 0; i < n; i++) for (let j = 0; j < dim; j++) mean[j] += x[i * dim + j];
  for (let j = 0; j < dim; j++) mean[j] /= n;
  return mean;
}

/**
 * The unbiased sample covariance (1/(n-1)) sum_i (x_i - xbar)(x_i - xbar)^T of the rows of `x`,
 * as a row-major dim * dim Float64Array. Two passes (mean first, then centred products), which
 * avoids the cancellation of the one-pass formula (Chan, Golub and LeVeque 1983). Needs n >= 2.
 */
export function sampleCovariance(x: Float32Array, dim: number): Float64Array {
  const n = rowCount('sampleCovariance', 'x', x, dim, 2);
  const mean = sampleMean(x, dim);
  const cov = new Float64Array(dim * dim);
  const centred = new Float64Array(dim);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < dim; j++) centred[j] = x[i * dim + j] - mean[j];
    for (let a = 0; a < dim; a++) {
      const ca = centred[a];
      for (let b = a; b < dim; b++) cov[a * dim + b] += ca * centred[b];
    }
  }
  for (let a = 0; a < dim; a++) {
    for (let b = a; b < dim; b++) {
      const value = cov[a * dim + b] / (n - 1);
      cov[a * dim + b] = value;
      cov[b * dim + a] = value;
    }
  }
  return cov;
}
