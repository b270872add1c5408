import type { Stage } from '@scoreflow/core';
import type { ReverseSamplerOptions } from '../shared/reverse-sampler.js';
import { etaSampler } from './eta-sampler.js';

/** Options of `eulerAncestral`. */
export interface EulerAncestralOptions extends ReverseSamplerOptions {
  /** Share of the step's noise that is fresh: 1 (default) is ancestral, 0 the deterministic Euler step. */
  readonly eta?: number;
}

/**
 * Euler ancestral, k-diffusion's `sample_euler_ancestral` (Crowson; the Euler step of Karras et
 * al. 2022 with the noise of ancestral sampling, Ho et al. 2020), for any linear SDE through the
 * variance-exploding form x-hat = x / m = x_0 + sigma eps, sigma = s / m. At t (sigma) to t'
 * (sigma'), with D the Tweedie estimate of x_0 (shared `denoise`):
 *
 *   d = (x-hat - D) / sigma,  (sigma_down, sigma_up) = get_ancestral_step(sigma, sigma', eta),
 *   x-hat' = x-hat + d (sigma_down - sigma) + sigma_up z,  x' = m(t') x-hat'.
 *
 * x-hat' has noise level sigma' (sigma_down^2 + sigma_up^2 = sigma'^2), so it is rescaled by
 * m(t') at the next time; only sigma enters the step. No noise is added when sigma' = 0: a last
 * step to t = 0 lands on the denoised estimate. One score evaluation per step.
 *
 * In exact arithmetic the same update as `ddim` with the same eta (DDIM's sigma_t is m' sigma_up).
 *
 * @example
 * priorSource(sde, 2).sample(ctx).pipe(eulerAncestral({ sde, score, rng: ctx.rng, times: uniformGrid().times(sde, 50, 1e-3) }))
 */
export function eulerAncestral(options: EulerAncestralOptions): Stage {
  return etaSampler('euler-ancestral', options, options.eta, 1, (state, k, { denoised, m, sigma, mNext }, { down, up }) => {
    const { x } = state;
    const n = x.length;
    const step = down - sigma;
    const inverseMean = 1 / m;
    const inverseSigma = 1 / sigma;
    if (up === 0) {
      for (let i = 0; i < n; i++) {
        const xHat = x[i] * inverseMean;
        x[i] = mNext * (xHat + (xHat - denoised[i]) * inverseSigma * step);
      }
      return;
    }
    const z = state.normal(state.buffer('noise'), k);
    for (let i = 0; i < n; i++) {
      const xHat = x[i] * inverseMean;
      x[i] = mNext * (xHat + (xHat - denoised[i]) * inverseSigma * step + up * z[i]);
    }
  });
}
