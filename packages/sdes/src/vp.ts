import { vpFamily } from './internal/vp-family.js';
import type { LinearBeta, LinearBetaOptions } from './linear-beta.js';
import type { LinearSde } from './linear-sde.js';

/** Options of `vp`: `betaMin` (default 0.1) <= `betaMax` (default 20), `T` (default 1). */
export type VpOptions = LinearBetaOptions;

/** The VP SDE, with its noise rate beta(t) and its integral B(t) exposed. */
export interface VpSde extends LinearSde, LinearBeta {}

/**
 * The variance-preserving SDE of Song et al. 2021 (eq. 11; appendix B, eqs. 32-33), the continuous
 * limit of DDPM (Ho et al. 2020), with time measured on [0, T]:
 *
 * - beta(t) = betaMin + (t / T) (betaMax - betaMin), so beta runs from betaMin to betaMax over [0, T];
 * - drift f(x, t) = -beta(t) x / 2, diffusion g(t) = sqrt(beta(t));
 * - marginal m(t) = exp(-B(t) / 2), s(t) = sqrt(1 - m(t)^2) = sqrt(-expm1(-B(t))),
 *   with B(t) = int_0^t beta = betaMin t + (betaMax - betaMin) t^2 / (2 T);
 * - prior N(0, I): priorStd = 1.
 *
 * For T = 1 this is score_sde's `VPSDE`. A larger T keeps the range of beta and stretches time, so
 * the total B(T) = T (betaMin + betaMax) / 2 grows with T (m(T) = exp(-5.025) for the defaults).
 *
 * @example
 * const sde = vp();
 * sde.marginal(1); // { mean: exp(-5.025), std: sqrt(1 - exp(-10.05)) }
 */
export function vp(options: VpOptions = {}): VpSde {
  return vpFamily({ name: 'vp', fn: 'vp', diffusion: (t, { beta }) => Math.sqrt(beta(t)), std: (b) => Math.sqrt(Math.max(-Math.expm1(-b), 0)) }, options);
}
