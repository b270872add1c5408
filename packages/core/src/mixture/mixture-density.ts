import type { GaussianMixture } from './gaussian-mixture.js';
import { allocateComponents, diffuseComponents } from './diffused-components.js';
import { writeGradLogDensity, writeLogDensity } from './mixture-kernels.js';
import { countParticles } from './count-particles.js';

/**
 * log p(x_i) of the mixture p = sum_k w_k N(mu_k, diag(sigma_k^2)) for each particle of `x`
 * (row-major, n * dim) into `out` (n values), by a stable log-sum-exp of the per-component log
 * densities (the MCMC targets' and the toy mixtures' log density). Float64 positions are accepted for finite differences.
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
 * the undiffused mixture, sum_k r_k(x) (-(x - mu_k) / sigma_k^2). The same kernel as
 * score-models' `mixtureScore` with m = 1, s = 0. Float64 positions are accepted too. Returns `out`.
 */
export function mixtureGradLogDensity(mixture: GaussianMixture, x: Float32Array | Float64Array, out: Float32Array): Float32Array {
  const components = allocateComponents('mixtureGradLogDensity', mixture);
  countParticles('mixtureGradLogDensity', x, mixture.dim, out, mixture.dim);
  writeGradLogDensity(diffuseComponents(mixture, 1, 0, components), x, out);
  return out;
}
