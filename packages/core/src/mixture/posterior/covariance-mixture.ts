import type { GaussianMixture } from '../gaussian-mixture.js';

/**
 * A Gaussian mixture with full covariances: p(x) = sum_k w_k N(x; mu_k, Sigma_k). The law of a
 * diagonal `GaussianMixture` given a linear observation (`mixturePosterior`) is one: the Kalman
 * update couples the coordinates. Sigma_k may be singular (a noise-free observation pins A x).
 */
export interface CovarianceMixture {
  readonly dim: number;
  /** Number of components K. */
  readonly components: number;
  /** w_k, summing to 1. */
  readonly weights: Float64Array;
  /** mu_k, row-major K * dim. */
  readonly means: Float64Array;
  /** Sigma_k, K row-major dim * dim blocks. */
  readonly covariances: Float64Array;
}

/** The diagonal mixture as a `CovarianceMixture`: Sigma_k = diag(sigma_k^2). */
export function covarianceMixtureOf(mixture: GaussianMixture): CovarianceMixture {
  const { dim, components, weights, means, stds } = mixture;
  const covariances = new Float64Array(components * dim * dim);
  for (let k = 0; k < components; k++) {
    for (let j = 0; j < dim; j++) covariances[k * dim * dim + j * dim + j] = stds[k * dim + j] ** 2;
  }
  return { dim, components, weights: Float64Array.from(weights), means: Float64Array.from(means), covariances };
}

/** Component k's covariance Sigma_k as a dim * dim view (no copy). */
export const covarianceOf = (mixture: CovarianceMixture, k: number): Float64Array =>
  mixture.covariances.subarray(k * mixture.dim * mixture.dim, (k + 1) * mixture.dim * mixture.dim);

/** Mean of the mixture: sum_k w_k mu_k. */
export function covarianceMixtureMean(mixture: CovarianceMixture): Float64Array {
  const { dim, components, weights, means } = mixture;
  const mean = new Float64Array(dim);
  for (let k = 0; k < components; k++) for (let j = 0; j < dim; j++) mean[j] += weights[k] * means[k * dim + j];
  return mean;
}

/** Covariance of the mixture (dim * dim, the law of total covariance): sum_k w_k (Sigma_k + mu_k mu_k^T) - mu mu^T. */
export function covarianceMixtureCovariance(mixture: CovarianceMixture): Float64Array {
  const { dim, components, weights, means, covariances } = mixture;
  const mean = covarianceMixtureMean(mixture);
  const cov = new Float64Array(dim * dim);
  for (let k = 0; k < components; k++) {
    for (let a = 0; a < dim; a++) {
      for (let b = 0; b < dim; b++) {
        cov[a * dim + b] += weights[k] * (covariances[k * dim * dim + a * dim + b] + means[k * dim + a] * means[k * dim + b]);
      }
    }
  }
  for (let a = 0; a < dim; a++) for (let b = 0; b < dim; b++) cov[a * dim + b] -= mean[a] * mean[b];
  return cov;
}
