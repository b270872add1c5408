import type { Sde } from '@scoreflow/core';
import type { SamplerState } from '../shared/reverse-sampler.js';

/**
 * The velocity of the probability-flow ODE (Song et al. 2021, eq. 13),
 *
 *   dx/dt = f(x, t) - g(t)^2 grad log p_t(x) / 2,
 *
 * at (x, t), written into `out` (x's length; not `x` itself). Evaluates the score once (one NFE)
 * straight into `out` and turns it into the velocity in place; an SDE with a drift coefficient
 * (f = a(t) x) needs no other buffer, a general drift uses the state's `pf-drift` buffer.
 */
export async function pfOdeVelocity(state: SamplerState, sde: Sde, x: Float32Array, t: number, out: Float32Array): Promise<void> {
  await state.score(x, t, out);
  const g = sde.diffusion(t);
  const half = 0.5 * g * g;
  const n = x.length;
  if (sde.driftCoefficient !== undefined) {
    const a = sde.driftCoefficient(t);
    for (let i = 0; i < n; i++) out[i] = a * x[i] - half * out[i];
    return;
  }
  const drift = state.buffer('pf-drift');
  sde.drift(x, t, drift);
  for (let i = 0; i < n; i++) out[i] = drift[i] - half * out[i];
}
