import { vpFamily } from './internal/vp-family.js';
import type { LinearBeta, LinearBetaOptions } from './linear-beta.js';
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
  return vpFamily(
    {
      name: 'sub-vp',
      fn: 'subVp',
      diffusion: (t, { beta, integratedBeta }) => Math.sqrt(Math.max(beta(t) * -Math.expm1(-2 * integratedBeta(t)), 0)),
      std: (b) => Math.max(-Math.expm1(-b), 0),
    },
    options,
  );
}
