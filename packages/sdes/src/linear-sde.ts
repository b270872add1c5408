import type { Sde } from '@scoreflow/core';

/**
 * An SDE of the form `dx = a(t) x dt + g(t) dW`: the drift is the scalar `a(t)` times x. Every SDE
 * of Song et al. 2021 (VE, VP, sub-VP) and Brownian motion is of this form, so their marginals
 * follow from the moment equations dm/dt = a(t) m and d(s^2)/dt = 2 a(t) s^2 + g(t)^2 (Saerkkae
 * and Solin 2019, "Applied Stochastic Differential Equations", ch. 5, as used in appendix B of
 * Song et al. 2021, "Score-Based Generative Modeling through SDEs").
 */
export interface LinearSde extends Sde {
  /** a(t), the factor of the drift f(x, t) = a(t) x. */
  driftCoefficient(t: number): number;
}
