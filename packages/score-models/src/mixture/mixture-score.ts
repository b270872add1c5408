import { type GaussianMixture, type ScoreModel, type Sde, allocateComponents, countParticles, diffuseComponents, writeGradLogDensity } from '@scoreflow/core';
import { mixtureDivergence } from './mixture-divergence.js';

/**
 * The exact score of a Gaussian mixture diffused by a linear SDE. With the SDE's affine marginal
 * x_t = m(t) x_0 + s(t) eps (Song et al. 2021, appendix B), the mixture p_0 = sum_k w_k
 * N(mu_k, diag(sigma_k^2)) becomes p_t = sum_k w_k N(m mu_k, diag(m^2 sigma_k^2 + s^2)) (core's
 * `diffuseMixture`), whose score is
 *
 *   grad log p_t(x) = sum_k r_k(x) (-(x - m mu_k) / v_k),  v_k = m^2 sigma_k^2 + s^2,
 *
 * with responsibilities r_k = softmax_k(l_k(x)) (see `DiffusedComponents`), computed stably however
 * far x lies from every mode. This is the drift correction of the reverse-time SDE (Anderson 1982;
 * Song et al. 2021, eq. 6). At t = 0 of an SDE with s(0) = 0 it is the data mixture's own score.
 *
 * Each call computes the O(K dim) constants for t once, then runs one loop over the particles that
 * allocates nothing (unrolled for K = 2, dim = 2). `x` and `out` are row-major (n * dim); a length
 * that is not a whole number of particles throws. Its exact `divergence` is `mixtureDivergence`'s.
 *
 * @example
 * const model = mixtureScore(MIXTURE_PRESETS['double-gaussian'](), sde);
 * model.score(x, 0.5, out); // out = grad log p_0.5(x)
 */
export function mixtureScore(mixture: GaussianMixture, sde: Sde): ScoreModel {
  const components = allocateComponents('mixtureScore', mixture);
  const { dim } = mixture;
  return {
    name: 'gaussian-mixture',
    dim,
    describe: () => ({ kind: 'mixture', mixture }),
    score(x: Float32Array, t: number, out: Float32Array): void {
      countParticles('mixtureScore', x, dim, out, dim);
      const { mean, std } = sde.marginal(t);
      writeGradLogDensity(diffuseComponents(mixture, mean, std, components), x, out);
    },
    divergence: mixtureDivergence(mixture, sde),
  };
}
