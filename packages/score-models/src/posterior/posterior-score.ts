import { type CovarianceMixture, type DiffusedCovarianceComponents, type ScoreModel, type Sde, countParticles, diffuseCovarianceComponents, writeCovarianceScore } from '@scoreflow/core';

/**
 * The exact score of a full-covariance Gaussian mixture diffused by a linear SDE: with the SDE's
 * marginal x_t = m(t) x_0 + s(t) eps, p_t = sum_k w_k N(m mu_k, m^2 Sigma_k + s^2 I) and
 *
 *   grad log p_t(x) = sum_k r_k(x) (-(m^2 Sigma_k + s^2 I)^-1 (x - m mu_k)),
 *
 * r_k the responsibilities (core's `diffuseCovarianceComponents`, `writeCovarianceScore`). With the
 * posterior of a mixture given y = A x + noise (core's `mixturePosterior`) it is the score of the
 * diffused posterior, grad log p_t(x | y): the prior score plus the exact guidance term
 * grad log p_t(y | x). A noise-free posterior (singular Sigma_k) has a score for s(t) > 0 only, so
 * a sampler must stop at tEnd > 0 for an SDE with s(0) = 0. The O(K dim^3) constants are computed
 * once per time and kept for repeated calls at the same t.
 *
 * @example
 * const { posterior } = mixturePosterior(MIXTURE_PRESETS['double-gaussian'](), linearObservation({ A: [[1, 0]], y: [1] }, 2));
 * covarianceMixtureScore(posterior, sde).score(x, 0.5, out);
 */
export function covarianceMixtureScore(mixture: CovarianceMixture, sde: Sde, name = 'posterior'): ScoreModel {
  const { dim } = mixture;
  let cached: { t: number; components: DiffusedCovarianceComponents } | undefined;
  return {
    name,
    dim,
    score(x: Float32Array, t: number, out: Float32Array): void {
      countParticles(name, x, dim, out, dim);
      if (cached?.t !== t) {
        const { mean, std } = sde.marginal(t);
        cached = { t, components: diffuseCovarianceComponents(mixture, mean, std) };
      }
      writeCovarianceScore(cached.components, x, out);
    },
  };
}
