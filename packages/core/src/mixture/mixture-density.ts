import type { GaussianMixture } from '@scoreflow/core';
import { allocateComponents, diffuseComponents } from './diffused-components.js';
import { writeGradLogDensity, writeLogDensity } from './kernels.js';
import { countParticles } from './positions.js';

/**
 * log p(x_i) of the mixture p = sum_k w_k N(mu_k, diag(sigma_k^2)) for each particle of `x`
 * (row-major, n * dim) into `out` (n values), by a stable log-sum-exp of the per-component log
 * densities (the MCMC target's log density). Float64 positions are accepted for finite differences.
 * Returns `out`.
 */
export function mixtureLogDensity(mixture: GaussianMixture, x: Float32Array | Float64Array, out: Float64Array): Float64Array {
  const components = allocateComponents('mixtureLogDensity', mixture);
  countParticles('mixtureLogDensity', x, mixture.dim, out, 1);
  writeLogDensity(diffuseComponents(mixture, 1, 0, components), x, out);
  return out;
}

/**
 * grad log p(x_i) of the mixture for each particle of `x` into `out` (same length): the score of
 * the undiffused mixture, sum_k r_k(x) (-(x - mu_k) / sigma_k^2). The same code as `mixtureScore`
 * with m = 1, s = 0. Returns `out`.
 */
export function mixtureGradLogDensity(mixture: GaussianMixture, x: Float32Array, out: Float32Array): Float32Array {
  const components = allocateComponents('mixtureGradLogDensity', mixture);
  countParticles('mixtureGradLogDensity', x, mixture.dim, out, mixture.dim);
  writeGradLogDensity(diffuseComponents(mixture, 1, 0, components), x, out);
  return out;
}
