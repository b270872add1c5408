import { positiveArgument } from '@scoreflow/core';
import { drawGaussianPrior, gaussianPriorLogDensity } from './internal/gaussian-prior.js';
import { writeScaled } from './internal/scaled-drift.js';
import type { LinearSde } from './linear-sde.js';

/** Options of `ve`. */
export interface VeOptions {
  /** sigma at t = 0 (default 0.01). */
  readonly sigmaMin?: number;
  /** sigma at t = T (default 50); must exceed sigmaMin. */
  readonly sigmaMax?: number;
  /** End time T (default 1). */
  readonly T?: number;
}

/** The VE SDE, with its noise scale sigma(t) exposed. */
export interface VeSde extends LinearSde {
  /** sigma(t) = sigmaMin (sigmaMax / sigmaMin)^(t / T). */
  sigma(t: number): number;
}

/**
 * The variance-exploding SDE of Song et al. 2021 (eq. 9; appendix B, eq. 30), the continuous limit
 * of SMLD / NCSN noise scales, with time measured on [0, T]:
 *
 * - sigma(t) = sigmaMin (sigmaMax / sigmaMin)^(t / T);
 * - drift f(x, t) = 0, diffusion g(t) = sigma(t) sqrt(2 ln(sigmaMax / sigmaMin) / T),
 *   so that g(t)^2 = d sigma(t)^2 / dt;
 * - marginal from x_0 at t = 0, exact for this SDE: m(t) = 1 and
 *   s(t)^2 = int_0^t g^2 = sigma(t)^2 - sigmaMin^2 = sigmaMin^2 expm1(2 (t / T) ln(sigmaMax / sigmaMin));
 * - prior N(0, sigmaMax^2 I): priorStd = sigmaMax.
 *
 * score_sde (`VESDE.marginal_prob`) uses s(t) = sigma(t), as if the process started at t = -infinity;
 * that differs by sigmaMin^2 in the variance. Here s(0) = 0, so the score at t = 0 is the data's.
 *
 * @example
 * const sde = ve({ sigmaMin: 0.01, sigmaMax: 50 });
 * sde.marginal(1).std; // sqrt(50^2 - 0.01^2)
 */
export function ve({ sigmaMin = 0.01, sigmaMax = 50, T = 1 }: VeOptions = {}): VeSde {
  positiveArgument('ve', 'sigmaMin', sigmaMin);
  positiveArgument('ve', 'sigmaMax', sigmaMax);
  positiveArgument('ve', 'T', T);
  if (!(sigmaMin < sigmaMax)) throw new RangeError(`ve: sigmaMin (${sigmaMin}) must be less than sigmaMax (${sigmaMax}).`);
  const logRatio = Math.log(sigmaMax / sigmaMin);
  const rate = Math.sqrt((2 * logRatio) / T);
  const sigma = (t: number) => sigmaMin * Math.exp((t / T) * logRatio);
  return {
    name: 've',
    T,
    priorStd: sigmaMax,
    sigma,
    driftCoefficient: () => 0,
    drift: (x, _t, out) => writeScaled('ve', x, 0, out),
    diffusion: (t) => sigma(t) * rate,
    marginal: (t) => ({ mean: 1, std: sigmaMin * Math.sqrt(Math.max(Math.expm1((2 * t * logRatio) / T), 0)) }),
    prior: (out, ids, dim, rng) => drawGaussianPrior(out, ids, dim, rng, sigmaMax),
    priorLogDensity: (x, dim, out) => gaussianPriorLogDensity(x, dim, out, sigmaMax),
  };
}
