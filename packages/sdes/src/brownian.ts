import { positiveArgument } from '@scoreflow/core';
import { drawGaussianPrior, gaussianPriorLogDensity } from './internal/gaussian-prior.js';
import { writeScaled } from './internal/scaled-drift.js';
import type { LinearSde } from './linear-sde.js';

/** Options of `brownian`. */
export interface BrownianOptions {
  /** Constant diffusion coefficient g (default 1). */
  readonly g?: number;
  /** End time T (default 1). */
  readonly T?: number;
}

/**
 * Brownian motion `dx = g dW` on [0, T]: the pure-noise forward process of "Diffusion Models: The
 * Main Ideas" (f = 0, so the reverse-time drift of Anderson 1982 is just g^2 times the score).
 * It is the VE SDE of Song et al. 2021 (eq. 9) with a constant noise rate.
 *
 * - drift f(x, t) = 0, diffusion g(t) = g;
 * - marginal x_t | x_0 ~ N(x_0, g^2 t I): m(t) = 1, s(t) = g sqrt(t);
 * - prior N(0, g^2 T I): priorStd = g sqrt(T).
 *
 * The prior ignores the data: x_T = x_0 + g sqrt(T) eps keeps the data's spread, so it is close to
 * the prior only when g^2 T is large compared with the data variance. Choose T accordingly.
 *
 * @example
 * const sde = brownian({ g: 1, T: 25 }); // data of variance about 1: prior std 5
 * sde.marginal(4); // { mean: 1, std: 2 }
 */
export function brownian({ g = 1, T = 1 }: BrownianOptions = {}): LinearSde {
  positiveArgument('brownian', 'g', g);
  positiveArgument('brownian', 'T', T);
  const priorStd = g * Math.sqrt(T);
  return {
    name: 'brownian',
    T,
    priorStd,
    driftCoefficient: () => 0,
    drift: (x, _t, out) => writeScaled('brownian', x, 0, out),
    diffusion: () => g,
    marginal: (t) => ({ mean: 1, std: g * Math.sqrt(Math.max(t, 0)) }),
    prior: (out, ids, dim, rng) => drawGaussianPrior(out, ids, dim, rng, priorStd),
    priorLogDensity: (x, dim, out) => gaussianPriorLogDensity(x, dim, out, priorStd),
  };
}
