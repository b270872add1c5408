import type { Marginal } from '@scoreflow/core';

/**
 * The posterior q(x_{t'} | x_t, x_0) = N(mu-tilde, beta-tilde I) of a linear SDE, t' < t, with DDPM's
 * mu-tilde = coefX0 x_0 + coefXt x_t (Ho et al. 2020, eq. 7; `posterior_mean_coef1` and `_coef2` of
 * their code) and std = sqrt(beta-tilde).
 */
export interface GaussianPosterior {
  /** The weight of x_t in mu-tilde: a s'^2 / s^2. */
  readonly coefXt: number;
  /** The weight of x_0 in mu-tilde: m' v / s^2. */
  readonly coefX0: number;
  /** sqrt(beta-tilde) = sqrt(s'^2 v / s^2). */
  readonly std: number;
}

/**
 * The Gaussian posterior of the forward process one grid step back (Ho et al. 2020, eqs. 6-7, for
 * any linear SDE). With the marginals (m, s) at t and (m', s') at t' < t, x_{t'} | x_0 ~
 * N(m' x_0, s'^2) and x_t | x_{t'} ~ N(a x_{t'}, v) with a = m / m', v = s^2 - a^2 s'^2 (so that
 * v + a^2 s'^2 = s^2). Bayes' rule gives precision 1/s'^2 + a^2/v = s^2 / (s'^2 v), hence
 *
 *   mean = (a s'^2 x_t + m' v x_0) / s^2,   variance = s'^2 v / s^2.
 *
 * For VP (s^2 = 1 - m^2; a^2 = alpha_t, v = beta_t, m^2 = alpha-bar_t) these are DDPM's
 * mu-tilde = sqrt(alpha-bar_{t-1}) beta_t / (1 - alpha-bar_t) x_0 + sqrt(alpha_t)
 * (1 - alpha-bar_{t-1}) / (1 - alpha-bar_t) x_t and beta-tilde = (1 - alpha-bar_{t-1}) beta_t /
 * (1 - alpha-bar_t); for VE (m = 1) the mean is (sigma'^2 x_t + (sigma^2 - sigma'^2) x_0) / sigma^2
 * and the variance sigma'^2 (sigma^2 - sigma'^2) / sigma^2, score_sde's VE ancestral step.
 */
export function gaussianPosterior(at: Marginal, before: Marginal): GaussianPosterior {
  const a = at.mean / before.mean;
  const variance = at.std * at.std;
  const previous = before.std * before.std;
  const v = Math.max(variance - a * a * previous, 0);
  return { coefXt: (a * previous) / variance, coefX0: (before.mean * v) / variance, std: Math.sqrt((previous * v) / variance) };
}
