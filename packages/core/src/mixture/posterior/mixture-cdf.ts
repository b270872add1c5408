import { errorFunction } from 'simple-statistics';
import type { CovarianceMixture } from './covariance-mixture.js';

/**
 * The CDF of coordinate `j` of a Gaussian mixture at z: F(z) = sum_k w_k Phi((z - mu_kj) / sqrt(Sigma_kjj)),
 * Phi(u) = (1 + erf(u / sqrt 2)) / 2 (erf to 1.2e-7, simple-statistics). A component with
 * Sigma_kjj = 0 (a coordinate pinned by a noise-free observation) is a step at mu_kj. The exact
 * reference of Kolmogorov-Smirnov checks of conditional samples.
 */
export function mixtureMarginalCdf(mixture: CovarianceMixture, j: number, z: number): number {
  const { dim, components, weights, means, covariances } = mixture;
  if (!Number.isInteger(j) || j < 0 || j >= dim) throw new RangeError(`mixtureMarginalCdf: j must be an integer in 0 .. ${dim - 1}, got ${j}.`);
  let cdf = 0;
  for (let k = 0; k < components; k++) {
    const mu = means[k * dim + j];
    const sd = Math.sqrt(covariances[k * dim * dim + j * dim + j]);
    cdf += weights[k] * (sd === 0 ? (z >= mu ? 1 : 0) : 0.5 * (1 + errorFunction((z - mu) / (sd * Math.SQRT2))));
  }
  return cdf;
}

/**
 * The Kolmogorov-Smirnov distance sup_z |F_n(z) - F(z)| between the empirical CDF of coordinate
 * `j` of `x` (row-major, n * dim) and that of `mixture`.
 */
export function mixtureKsDistance(mixture: CovarianceMixture, x: Float32Array, j: number): number {
  const { dim } = mixture;
  const n = x.length / dim;
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = x[i * dim + j];
  values.sort();
  let worst = 0;
  for (let i = 0; i < n; i++) {
    const F = mixtureMarginalCdf(mixture, j, values[i]);
    worst = Math.max(worst, Math.abs(F - i / n), Math.abs((i + 1) / n - F));
  }
  return worst;
}
