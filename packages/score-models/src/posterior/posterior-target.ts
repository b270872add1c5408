import { ConfigError, type CovarianceMixture, type Target, diffuseCovarianceComponents, writeCovarianceLogDensity, writeCovarianceScore } from '@scoreflow/core';

/**
 * A full-covariance Gaussian mixture (e.g. the posterior of `mixturePosterior`) as an MCMC
 * `Target`: log p(x) by a stable log-sum-exp and grad log p(x) = sum_k r_k(x) (-Sigma_k^-1 (x - mu_k)).
 * Normalised. A noise-free observation pins A x, so the posterior has no density in R^dim: that is
 * a `ConfigError` naming `observation.sigma` (an MCMC chain cannot move on the plane A x = y; give
 * sigma > 0, e.g. 0.05).
 */
export function covarianceMixtureTarget(mixture: CovarianceMixture, name = 'posterior'): Target {
  let components;
  try {
    components = diffuseCovarianceComponents(mixture, 1, 0);
  } catch {
    throw new ConfigError(`the ${name} target has no density`, [
      { path: 'observation.sigma', message: 'expected sigma > 0 for an MCMC target (a noise-free observation pins A x = y: chains cannot move on that plane), got 0' },
    ]);
  }
  return Object.freeze({
    name,
    dim: mixture.dim,
    normalised: true,
    logDensity: (x: Float32Array, out: Float64Array) => writeCovarianceLogDensity(components, x, out),
    gradLogDensity: (x: Float32Array, out: Float32Array) => writeCovarianceScore(components, x, out),
  });
}
