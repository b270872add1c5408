import { type GaussianMixture, type Target, mixtureGradLogDensity, mixtureLogDensity } from '@scoreflow/core';
import { densityTarget } from './density-target.js';

/**
 * A Gaussian mixture p = sum_k w_k N(mu_k, diag(sigma_k^2)) as an MCMC `Target` (`densityTarget`): log p(x) by a
 * stable log-sum-exp (core's `mixtureLogDensity`) and grad log p(x) = sum_k r_k(x) (-(x - mu_k) / sigma_k^2)
 * (`mixtureGradLogDensity`, the score at t = 0). Normalised (weights are normalised to sum to 1).
 * `name` defaults to `gaussian-mixture`; the ring and separated-modes targets pass their own.
 * `describe()` gives the mixture, for `device: webgpu`.
 */
export function mixtureTarget(mixture: GaussianMixture, name = 'gaussian-mixture'): Target {
  const density = {
    name,
    dim: mixture.dim,
    logDensity: (x: Float32Array, out: Float64Array) => mixtureLogDensity(mixture, x, out),
    gradLogDensity: (x: Float32Array, out: Float32Array) => mixtureGradLogDensity(mixture, x, out),
  };
  return densityTarget(density, () => ({ kind: 'mixture' as const, mixture }));
}
