import { type Stage, sigmaOf } from '@scoreflow/core';
import { type ReverseSamplerOptions, reverseSampler } from '../shared/reverse-sampler.js';

export interface AnnealedLangevinOptions extends ReverseSamplerOptions {
  /** Langevin steps per noise level (NCSN's T); 10 by default. */
  readonly stepsEach?: number;
  /** NCSN's epsilon, the step size at the smallest noise level sigma_L; sigma_L^2 by default. */
  readonly epsilon?: number;
}

/**
 * Annealed Langevin dynamics (Song and Ermon 2019, NCSN, Algorithm 1). The noise levels are the
 * grid's times after the first, sigma_i = sigmaOf(sde, t_i) = s(t_i) / m(t_i) for i = 1..N
 * (sigma_L = sigma_N at tEnd; the prior already has the law at t_0). At each level, `stepsEach`
 * Langevin steps with alpha_i = epsilon sigma_i^2 / sigma_L^2:
 *
 *   y <- y + (alpha_i / 2) score_y(y, sigma_i) + sqrt(alpha_i) z,
 *
 * in the variance-exploding variable y = x / m(t) (Karras et al. 2022, section 4), whose law at
 * level sigma is the data plus N(0, sigma^2 I), so that NCSN's step rule holds for every linear
 * SDE. On x = m y this reads: rescale x by m(t_i) / m(t_{i-1}) when entering level i, then
 * x <- x + (m^2 alpha_i / 2) score(x, t_i) + m sqrt(alpha_i) z. For VE and Brownian motion
 * (m = 1) it is NCSN's update itself.
 *
 * NCSN's epsilon = 2e-5 suits images with sigma_L = 0.01 (alpha_L / sigma_L^2 = 0.2, 100 steps per
 * level). What matters is c = epsilon / sigma_L^2, the step relative to the noise variance at
 * every level; the default epsilon = sigma_L^2 (c = 1) keeps the chain stable (c < 4 for Gaussian
 * levels) and tracks the levels with few steps each. Score evaluations per step: `stepsEach`.
 * One snapshot per level (each grid step).
 *
 * @example
 * annealedLangevin({ sde: ve(), score, rng: ctx.rng, times: uniformGrid().times(sde, 100, 1e-3), stepsEach: 5 })
 */
export function annealedLangevin(options: AnnealedLangevinOptions): Stage {
  const { sde, times } = options;
  const name = options.name ?? 'annealed-langevin';
  const stepsEach = options.stepsEach ?? 10;
  if (!(Number.isInteger(stepsEach) && stepsEach >= 1)) throw new RangeError(`${name}: stepsEach must be an integer >= 1, got ${stepsEach}.`);
  const sigmaLast = sigmaOf(sde, times[times.length - 1]);
  if (!(sigmaLast > 0)) throw new RangeError(`${name}: needs a noise level sigma > 0 at the last time (tEnd > 0), got sigma = ${sigmaLast}.`);
  const epsilon = options.epsilon ?? sigmaLast * sigmaLast;
  if (!(epsilon > 0 && Number.isFinite(epsilon))) throw new RangeError(`${name}: epsilon must be a positive number, got ${epsilon}.`);
  return reverseSampler('annealed-langevin', options, async (state, k, t, next) => {
    const { x } = state;
    const from = sde.marginal(t);
    const level = sde.marginal(next);
    const rescale = level.mean / from.mean;
    if (rescale !== 1) for (let i = 0; i < x.length; i++) x[i] *= rescale;
    const sigma = level.std / level.mean;
    const alpha = (epsilon * sigma * sigma) / (sigmaLast * sigmaLast);
    const drift = 0.5 * alpha * level.mean * level.mean;
    const noise = Math.sqrt(alpha) * level.mean;
    const grad = state.buffer('score');
    const z = state.buffer('noise');
    for (let j = 0; j < stepsEach; j++) {
      await state.score(x, next, grad);
      state.normal(z, k, j);
      for (let i = 0; i < x.length; i++) x[i] += drift * grad[i] + noise * z[i];
    }
  }, { kind: 'langevin', scoreEvaluationsPerStep: stepsEach });
}
