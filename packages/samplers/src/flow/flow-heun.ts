import type { Stage } from '@scoreflow/core';
import { type FlowSamplerOptions, flowSampler, flowVelocity } from './flow-sampler.js';

/**
 * The flow ODE dx/dt = v(x, t) by Heun's second-order method (the explicit trapezoidal rule) forward
 * along `times`: an Euler predictor x' = x_k + dt v(x_k, t_k), then
 * x_{k+1} = x_k + dt [v(x_k, t_k) + v(x', t_{k+1})] / 2. Two NFE per step.
 *
 * @example
 * sourceBatches.pipe(flowHeun({ velocity, rng: ctx.rng, times: flowTimes(20) }))
 */
export function flowHeun(options: FlowSamplerOptions): Stage {
  return flowSampler('flow-heun', options, async (state, _k, t, next) => {
    const { x } = state;
    const n = x.length;
    const velocity = state.buffer('velocity');
    const predicted = state.buffer('predicted');
    const corrected = state.buffer('velocity-next');
    const dt = next - t;
    await flowVelocity(state, x, t, velocity);
    for (let i = 0; i < n; i++) predicted[i] = x[i] + dt * velocity[i];
    await flowVelocity(state, predicted, next, corrected);
    for (let i = 0; i < n; i++) x[i] += 0.5 * dt * (velocity[i] + corrected[i]);
  }, 2);
}
