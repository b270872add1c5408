import type { Stage } from '@scoreflow/core';
import { denoise } from '../shared/denoiser.js';
import { type ReverseSamplerOptions, reverseSampler } from '../shared/reverse-sampler.js';
import { gaussianPosterior } from './gaussian-posterior.js';

export interface AncestralOptions extends ReverseSamplerOptions {
  /** Take the last step as the posterior mean, without noise (DDPM's z = 0 at t = 1); true by default. */
  readonly noiseRemoval?: boolean;
}

/**
 * Ancestral sampling (Ho et al. 2020, Algorithm 2; score_sde's `AncestralSamplingPredictor`) for
 * any linear SDE: each step from t to t' < t draws from the forward process's posterior
 * q(x_{t'} | x_t, x_0) (see `gaussianPosterior`) with x_0 replaced by Tweedie's estimate
 * x0_hat = (x_t + s^2 score(x_t, t)) / m (`denoise`):
 *
 *   x_{t'} = (a s'^2 x_t + m' v x0_hat) / s^2 + sqrt(s'^2 v / s^2) z,
 *
 * whose mean simplifies to (x_t + v score) / a: for VP, DDPM's
 * (x_t - beta_t / sqrt(1 - alpha-bar_t) eps_theta) / sqrt(alpha_t) with eps = -s score; for VE,
 * score_sde's x + (sigma^2 - sigma'^2) score. The variance is DDPM's beta-tilde (score_sde's VP
 * predictor uses beta_t instead; both are DDPM's choices). One score evaluation per step; the last
 * step is the mean only when `noiseRemoval` (default).
 *
 * @example
 * priorSource(sde, 2).sample(ctx).pipe(ancestral({ sde, score, rng: ctx.rng, times: uniformGrid().times(sde, 1000, 1e-3) }))
 */
export function ancestral(options: AncestralOptions): Stage {
  const { sde } = options;
  const noiseRemoval = options.noiseRemoval ?? true;
  const last = options.times.length - 2;
  return reverseSampler('ancestral', options, async (state, k, t, next) => {
    const { x } = state;
    const x0 = state.buffer('denoised');
    const marginal = await denoise(state, sde, x, t, state.buffer('score'), x0);
    // x_{t'} = mu-tilde(x_t, x0_hat) + sqrt(beta-tilde) z.
    const { coefXt, coefX0, std } = gaussianPosterior(marginal, sde.marginal(next));
    const noise = noiseRemoval && k === last ? 0 : std;
    if (noise === 0) {
      for (let i = 0; i < x.length; i++) x[i] = coefXt * x[i] + coefX0 * x0[i];
      return;
    }
    const z = state.normal(state.buffer('noise'), k);
    for (let i = 0; i < x.length; i++) x[i] = coefXt * x[i] + coefX0 * x0[i] + noise * z[i];
  }, { kind: 'ancestral', scoreEvaluationsPerStep: 1 });
}
