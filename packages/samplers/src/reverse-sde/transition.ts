import type { Sde } from '@scoreflow/core';

/** The Gaussian transition x_later = scale x_earlier + sqrt(variance) z of a linear SDE. */
export interface Transition {
  /** a = m(later) / m(earlier). */
  readonly scale: number;
  /** v = s(later)^2 - a^2 s(earlier)^2: the variance of x_later given x_earlier. */
  readonly variance: number;
}

/**
 * The exact forward transition of a linear SDE between two grid times, earlier < later (Song et
 * al. 2021, appendix B): x_later | x_earlier ~ N(a x_earlier, v I) with a = m(later) / m(earlier)
 * and v = s(later)^2 - a^2 s(earlier)^2, from the SDE's marginal (m, s). This is the
 * discretisation score_sde writes by hand per SDE: for VP, a = sqrt(1 - beta_i) and v = beta_i
 * (`VPSDE.discretize`, DDPM's beta_i of the grid); for VE, a = 1 and v = sigma_i^2 - sigma_{i-1}^2
 * (`VESDE.discretize`). Here it follows from the marginals for every SDE, on any grid.
 */
export function forwardTransition(sde: Sde, earlier: number, later: number): Transition {
  const from = sde.marginal(earlier);
  const to = sde.marginal(later);
  const scale = to.mean / from.mean;
  return { scale, variance: Math.max(to.std * to.std - scale * scale * from.std * from.std, 0) };
}
