import { type Density, DimensionError, type GaussianMixture, mixtureGradLogDensity, mixtureLogDensity } from '@scoreflow/core';

/**
 * The exact density of a 2-D Gaussian mixture with diagonal covariances as a core `Density`:
 * core's `mixtureLogDensity` and `mixtureGradLogDensity` (the kernels of the MCMC targets and the
 * exact score),
 *
 *     log p(x) = log sum_k exp(l_k),   l_k = log w_k - sum_j [log sigma_kj + log(2 pi) / 2 + (x_j - mu_kj)^2 / (2 sigma_kj^2)]
 *     grad log p(x) = sum_k r_k (mu_k - x) / sigma_k^2,   r_k = exp(l_k - log p(x))
 *
 * with the log-sum-exp taken about the largest l_k, so that points far from every component keep
 * finite values. `name` and `parameters` are the set's (e.g. `eight-gaussians`, `{ scale, std }`).
 */
export function mixtureDensity<P extends object>(name: string, mixture: GaussianMixture, parameters: P): Density<P> {
  if (mixture.dim !== 2) throw new DimensionError(`mixtureDensity(${name}): mixture`, 2, mixture.dim);
  return Object.freeze({
    name,
    dim: 2,
    parameters: Object.freeze({ ...parameters }),
    logDensity: (x: Float32Array | Float64Array, out: Float64Array) => mixtureLogDensity(mixture, x, out),
    gradLogDensity: (x: Float32Array | Float64Array, out: Float32Array) => mixtureGradLogDensity(mixture, x, out),
  });
}
