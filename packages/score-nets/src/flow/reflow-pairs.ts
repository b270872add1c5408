import type { VelocityModel } from '@scoreflow/core';

/**
 * Reflow's training pairs (Liu et al. 2023, "Flow straight and fast", section 2.3): the source
 * points `x0` (row-major, n x dim) and their images x1 = ODE_v(x0) under a trained flow, integrated
 * from t = 0 to 1 by `steps` Euler steps (torchcfm's evaluation solver). Training a new flow on
 * these pairs (`createFlowTrainer`'s `pairs`) straightens its paths.
 */
export async function reflowPairs(velocity: VelocityModel, x0: Float32Array, steps = 100): Promise<{ x0: Float32Array; x1: Float32Array }> {
  if (!Number.isSafeInteger(steps) || steps < 1) throw new RangeError(`reflowPairs: 'steps' must be an integer >= 1, got ${steps}.`);
  const x = x0.slice();
  const v = new Float32Array(x.length);
  for (let k = 0; k < steps; k++) {
    await velocity.velocity(x, k / steps, v);
    for (let i = 0; i < x.length; i++) x[i] += v[i] / steps;
  }
  return { x0: x0.slice(), x1: x };
}
