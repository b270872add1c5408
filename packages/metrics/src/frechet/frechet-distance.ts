import { sampleCovariance, sampleMean } from '../moments/sample-moments.js';
import { symmetricEigen, symmetricSqrt } from './symmetric-eigen.js';

/** A Gaussian's mean and covariance (row-major dim x dim), Float64. */
export interface GaussianMoments {
  readonly mean: Float64Array;
  readonly covariance: Float64Array;
}

/**
 * The Frechet (Wasserstein-2) distance between N(mu1, S1) and N(mu2, S2) squared, as FID reports
 * it (Heusel et al. 2017; Dowson & Landau 1982):
 * |mu1 - mu2|^2 + tr(S1) + tr(S2) - 2 tr((S1^1/2 S2 S1^1/2)^1/2).
 * The trace term is the sum of the square roots of the eigenvalues of the symmetric
 * S1^1/2 S2 S1^1/2 (negative round-off clipped to 0), which equals tr((S1 S2)^1/2) without
 * the complex square roots of scipy's sqrtm.
 */
export function frechetDistance(a: GaussianMoments, b: GaussianMoments): number {
  const dim = a.mean.length;
  if (b.mean.length !== dim || a.covariance.length !== dim * dim || b.covariance.length !== dim * dim) {
    throw new RangeError(`frechetDistance: both Gaussians need a mean of ${dim} values and a ${dim} x ${dim} covariance.`);
  }
  let meanTerm = 0;
  let traces = 0;
  for (let i = 0; i < dim; i++) {
    meanTerm += (a.mean[i] - b.mean[i]) ** 2;
    traces += a.covariance[i * dim + i] + b.covariance[i * dim + i];
  }
  const root = symmetricSqrt(a.covariance, dim);
  // M = S1^1/2 S2 S1^1/2, symmetrised against round-off.
  const tmp = new Float64Array(dim * dim);
  for (let i = 0; i < dim; i++) for (let k = 0; k < dim; k++) {
    const rik = root[i * dim + k];
    if (rik !== 0) for (let j = 0; j < dim; j++) tmp[i * dim + j] += rik * b.covariance[k * dim + j];
  }
  const m = new Float64Array(dim * dim);
  for (let i = 0; i < dim; i++) for (let k = 0; k < dim; k++) {
    const tik = tmp[i * dim + k];
    if (tik !== 0) for (let j = 0; j < dim; j++) m[i * dim + j] += tik * root[k * dim + j];
  }
  for (let i = 0; i < dim; i++) for (let j = i + 1; j < dim; j++) {
    const mean = (m[i * dim + j] + m[j * dim + i]) / 2;
    m[i * dim + j] = mean;
    m[j * dim + i] = mean;
  }
  let crossTrace = 0;
  for (const value of symmetricEigen(m, dim).values) crossTrace += Math.sqrt(Math.max(0, value));
  return meanTerm + traces - 2 * crossTrace;
}

/** The sample mean and unbiased sample covariance of the rows of `x` (n * dim, row-major; n >= 2). */
export function gaussianMoments(x: Float32Array, dim: number): GaussianMoments {
  return { mean: sampleMean(x, dim), covariance: sampleCovariance(x, dim) };
}

/** The Frechet distance between Gaussians fitted to two samples (rows of `x` and `y`, n * dim, row-major). */
export function frechetDistanceOfSamples(x: Float32Array, y: Float32Array, dim: number): number {
  return frechetDistance(gaussianMoments(x, dim), gaussianMoments(y, dim));
}
