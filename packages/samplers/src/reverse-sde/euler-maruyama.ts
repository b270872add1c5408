import type { Stage } from '@scoreflow/core';
import { reverseGeneralStep, reverseLinearStep } from './reverse-step.js';
import { type ReverseSamplerOptions, reverseSampler } from '../shared/reverse-sampler.js';

export interface EulerMaruyamaOptions extends ReverseSamplerOptions {
  /** Take the last step without noise (score_sde's `noise_removal`); true by default. */
  readonly denoise?: boolean;
}

/**
 * The reverse-time SDE of Anderson (1982), dx = [f(x, t) - g(t)^2 grad log p_t(x)] dt + g(t) dW-bar,
 * integrated backwards along `times` by Euler-Maruyama (Song et al. 2021, eq. 6 and the
 * "Euler-Maruyama" predictor of appendix D): with dt = t_{k+1} - t_k < 0,
 *
 *   x_{k+1} = x_k + [f(x_k, t_k) - g(t_k)^2 score(x_k, t_k)] dt + g(t_k) sqrt(|dt|) z_k.
 *
 * For pure noise (f = 0, g = 1) the backward drift is the score itself: particles climb
 * log p_t while the noise keeps them spread. One score evaluation per step. When the SDE gives
 * its drift coefficient (f = a(t) x), drift, score, noise and the finiteness check run in one pass.
 */
export function eulerMaruyama(options: EulerMaruyamaOptions): Stage {
  const { sde, times } = options;
  const denoise = options.denoise ?? true;
  const last = times.length - 2;
  return reverseSampler('euler-maruyama', options, async (state, k, t, next) => {
    const { x } = state;
    const dt = next - t;
    const g = sde.diffusion(t);
    const gradient = state.buffer('score');
    await state.score(x, t, gradient);
    const noise = denoise && k === last ? 0 : g * Math.sqrt(-dt);
    const z = state.buffer('noise');
    if (noise !== 0) state.normal(z, k);
    if (sde.driftCoefficient !== undefined) {
      return reverseLinearStep(x, gradient, z, 1 + sde.driftCoefficient(t) * dt, g * g * dt, noise);
    }
    const drift = state.buffer('drift');
    sde.drift(x, t, drift);
    reverseGeneralStep(x, drift, gradient, z, dt, g * g * dt, noise);
  });
}
