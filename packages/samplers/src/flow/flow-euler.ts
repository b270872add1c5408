import type { Stage } from '@scoreflow/core';
import { type FlowSamplerOptions, flowSampler, flowVelocity } from './flow-sampler.js';

/**
 * The flow ODE dx/dt = v(x, t) by the explicit Euler method forward along `times`:
 * x_{k+1} = x_k + (t_{k+1} - t_k) v(x_k, t_k). One NFE per step; torchcfm's evaluation takes 100
 * steps on [0, 1] (Tong et al. 2024, section 5.1).
 *
 * @example
 * sourceBatches.pipe(flowEuler({ velocity, rng: ctx.rng, times: flowTimes(100) }))
 */
export function flowEuler(options: FlowSamplerOptions): Stage {
  return flowSampler('flow-euler', options, async (state, _k, t, next) => {
    const { x } = state;
    const velocity = state.buffer('velocity');
    await flowVelocity(state, x, t, velocity);
    const dt = next - t;
    for (let i = 0; i < x.length; i++) x[i] += dt * velocity[i];
  }, 1);
}
