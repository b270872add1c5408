import type { Stage } from '@scoreflow/core';
import type { ReverseSamplerOptions } from '../shared/reverse-sampler.js';
import { etaSampler } from './eta-sampler.js';

/** Options of `ddim`. */
export interface DdimOptions extends ReverseSamplerOptions {
  /** Stochasticity: 0 (default) is the deterministic DDIM, 1 the DDPM posterior noise; > 1 is clamped per step. */
  readonly eta?: number;
}

/**
 * DDIM, the denoising diffusion implicit model sampler of Song, Meng and Ermon 2021 (eq. 12, with
 * sigma_t of eq. 16), for any linear SDE through its marginal x_t = m x_0 + s eps. At t with
 * (m, s) and t' with (m', s'), from the Tweedie estimates x_0-hat (shared `denoise`) and
 * eps-hat = (x - m x_0-hat) / s = -s score:
 *
 *   x' = m' x_0-hat + m' sigma_down eps-hat + m' sigma_up z,
 *
 * where sigma = s / m, sigma' = s' / m' and (sigma_down, sigma_up) = ancestralStep(sigma, sigma',
 * eta). For VP (m^2 + s^2 = 1, alpha-bar = m^2) m' sigma_up is eq. 16's
 * eta sqrt((1 - ab') / (1 - ab)) sqrt(1 - ab / ab') and m' sigma_down = sqrt(1 - ab' - sigma_t^2),
 * eq. 12 term by term; for other SDEs it is the same step in the variance-exploding form
 * x / m = x_0 + sigma eps. eta = 0 is deterministic: the Euler step of the probability-flow ODE in
 * sigma (Karras et al. 2022, section 4), first order. On a last step to an s(t_N) = 0 (tEnd = 0)
 * it lands on the denoised estimate m(0) x_0-hat, whatever eta. One score evaluation per step.
 *
 * The same update as `eulerAncestral` written the DDIM way; eta defaults differ (0 here, 1 there).
 *
 * @example
 * priorSource(sde, 2).sample(ctx).pipe(ddim({ sde, score, rng: ctx.rng, times: uniformGrid().times(sde, 50, 1e-3), eta: 0 }))
 */
export function ddim(options: DdimOptions): Stage {
  return etaSampler('ddim', options, options.eta, 0, (state, k, { denoised, score, s, mNext }, { down, up }) => {
    const { x } = state;
    const n = x.length;
    // Eq. 12's "direction pointing to x_t", m' sigma_down eps-hat with eps-hat = -s score.
    const direction = -mNext * down * s;
    if (up === 0) {
      for (let i = 0; i < n; i++) x[i] = mNext * denoised[i] + direction * score[i];
      return;
    }
    const z = state.normal(state.buffer('noise'), k);
    const noise = mNext * up;
    for (let i = 0; i < n; i++) x[i] = mNext * denoised[i] + direction * score[i] + noise * z[i];
  });
}
