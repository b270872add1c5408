import { positiveArgument } from '@scoreflow/core';

/** Options of the SDEs driven by a linear noise rate beta(t) (`vp`, `subVp`). */
export interface LinearBetaOptions {
  /** beta at t = 0 (default 0.1). */
  readonly betaMin?: number;
  /** beta at t = T (default 20); at least betaMin. */
  readonly betaMax?: number;
  /** End time T (default 1). */
  readonly T?: number;
}

/** A linear noise rate and its integral, as the VP and sub-VP SDEs expose them. */
export interface LinearBeta {
  /** beta(t) = betaMin + (t / T) (betaMax - betaMin). */
  beta(t: number): number;
  /** B(t) = int_0^t beta = betaMin t + (betaMax - betaMin) t^2 / (2 T). */
  integratedBeta(t: number): number;
}

/**
 * The linear noise rate of the VP and sub-VP SDEs of Song et al. 2021 (appendix B, eqs. 32-34;
 * score_sde `VPSDE` / `subVPSDE`), on [0, T]: beta(t) = betaMin + (t / T) (betaMax - betaMin) and
 * B(t) = int_0^t beta(s) ds = betaMin t + (betaMax - betaMin) t^2 / (2 T). Checks the options,
 * naming the SDE `fn` in a `RangeError` (`vp: betaMin (3) must not exceed betaMax (2).`).
 */
export function linearBeta(fn: string, { betaMin = 0.1, betaMax = 20, T = 1 }: LinearBetaOptions): LinearBeta & { readonly T: number } {
  positiveArgument(fn, 'betaMin', betaMin, true);
  positiveArgument(fn, 'betaMax', betaMax);
  positiveArgument(fn, 'T', T);
  if (!(betaMin <= betaMax)) throw new RangeError(`${fn}: betaMin (${betaMin}) must not exceed betaMax (${betaMax}).`);
  const slope = (betaMax - betaMin) / T;
  return {
    T,
    beta: (t) => betaMin + t * slope,
    integratedBeta: (t) => t * (betaMin + 0.5 * t * slope),
  };
}
