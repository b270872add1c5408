import type { SamplerState } from '../shared/reverse-sampler.js';
import type { ReverseSde } from '../reverse-sde/reverse-sde.js';

/**
 * The velocity of the probability-flow ODE (Song et al. 2021, eq. 13),
 *
 *   dx/dt = f(x, t) - g(t)^2 grad log p_t(x) / 2,
 *
 * at (x, t), written into `out` (x's length; not `x` itself): the drift of `flow`, which is
 * `reverseSde(sde, true)`. Evaluates the score once (one NFE) straight into `out` and turns it into
 * the velocity in place; an SDE with a drift coefficient (f = a(t) x) needs no other buffer, a
 * general drift uses the state's `pf-drift` buffer.
 */
export async function pfOdeVelocity(state: SamplerState, flow: ReverseSde, x: Float32Array, t: number, out: Float32Array): Promise<void> {
  await state.score(x, t, out);
  flow.drift(x, t, out, out, () => state.buffer('pf-drift'));
}
