import { drawGaussianPrior, gaussianPriorLogDensity } from './internal/gaussian-prior.js';
import { writeScaled } from './internal/scaled-drift.js';
import { type LinearBeta, type LinearBetaOptions, linearBeta } from './linear-beta.js';
import type { LinearSde } from './linear-sde.js';

/** Options of `subVp`: `betaMin` (default 0.1) <= `betaMax` (default 20), `T` (default 1). */
export type SubVpOptions = LinearBetaOptions;

/** The sub-VP SDE, with its noise rate beta(t) and its integral B(t) exposed. */
export interface SubVpSde extends LinearSde, LinearBeta {}

/**
 * The sub-VP SDE of Song et al. 2021 (eq. 34 and appendix B; score_sde `subVPSDE`), with the
 * linear beta(t) of the VP SDE on [0, T] and B(t) = int_0^t beta:
 *
 * - drift f(x, t) = -beta(t) x / 2 (as VP), diffusion g(t) = sqrt(beta(t) (1 - exp(-2 B(t))));
 * - marginal m(t) = exp(-B(t) / 2) and s(t) = 1 - exp(-B(t)) = 1 - m(t)^2: s is the standard
 *   deviation, so the variance (1 - exp(-B))^2 lies below the VP's 1 - exp(-B) at every t > 0
 *   (hence "sub"). It solves d(s^2)/dt = -beta s^2 + g^2 with s(0) = 0;
 * - prior N(0, I): priorStd = 1 (s(T) = 1 - exp(-10.05) for the defaults).
 *
 * Song et al. report better likelihoods with it than with VP. g(0) = 0: the noise switches on
 * gradually. s(t) = -expm1(-B(t)) is computed without cancellation at small t (s ~ betaMin t).
 *
 * @example
 * const sde = subVp();
 * sde.marginal(1); // { mean: exp(-5.025), std: 1 - exp(-10.05) }
 */
export function subVp(options: SubVpOptions = {}): SubVpSde {
  const { T, beta, integratedBeta } = linearBeta('subVp', options);
  return {
    name: 'sub-vp',
    T,
    priorStd: 1,
    beta,
    integratedBeta,
    driftCoefficient: (t) => -0.5 * beta(t),
    drift: (x, t, out) => writeScaled('sub-vp', x, -0.5 * beta(t), out),
    diffusion: (t) => Math.sqrt(Math.max(beta(t) * -Math.expm1(-2 * integratedBeta(t)), 0)),
    marginal: (t) => {
      const b = integratedBeta(t);
      return { mean: Math.exp(-0.5 * b), std: Math.max(-Math.expm1(-b), 0) };
    },
    prior: (out, ids, dim, rng) => drawGaussianPrior(out, ids, dim, rng, 1),
    priorLogDensity: (x, dim, out) => gaussianPriorLogDensity(x, dim, out, 1),
  };
}
