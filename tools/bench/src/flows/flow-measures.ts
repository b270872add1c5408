import { exactAssignment, squaredCosts } from '@scoreflow/core';
import type { VelocityModel } from '@scoreflow/core';

/** W2 between two equal-size 2-D samples by the exact assignment (POT's `ot.emd2` with uniform weights, as torchcfm's evaluation). */
export function w2(a: Float32Array, b: Float32Array): number {
  const n = a.length / 2;
  return Math.sqrt(exactAssignment(squaredCosts(a, b, 2), n).cost / n);
}

/** Where `steps` Euler steps of dx/dt = v(x, t) from t = 0 to 1 take `x0`, and how straight the paths are. */
export interface EulerFlow {
  /** The end points x(1), row-major. */
  readonly x1: Float32Array;
  /** Mean over particles of the path length over the distance between the path's ends (1 = straight). */
  readonly straightness: number;
}

/**
 * Integrates a 2-D velocity model by `steps` explicit Euler steps (torchcfm's evaluation: 100),
 * measuring each particle's path length (the sum of |v| dt) against the distance between its ends.
 */
export async function eulerFlow(velocity: VelocityModel, x0: Float32Array, steps: number): Promise<EulerFlow> {
  const n = x0.length / 2;
  const x = x0.slice();
  const v = new Float32Array(x.length);
  const length = new Float64Array(n);
  for (let k = 0; k < steps; k++) {
    await velocity.velocity(x, k / steps, v);
    for (let i = 0; i < n; i++) length[i] += Math.hypot(v[2 * i], v[2 * i + 1]) / steps;
    for (let i = 0; i < x.length; i++) x[i] += v[i] / steps;
  }
  let straightness = 0;
  for (let i = 0; i < n; i++) straightness += length[i] / Math.max(1e-9, Math.hypot(x[2 * i] - x0[2 * i], x[2 * i + 1] - x0[2 * i + 1])) / n;
  return { x1: x, straightness };
}

/** Mean and sample standard deviation (n - 1) of `values`; the deviation is 0 for one value. */
export function meanAndSpread(values: readonly number[]): { mean: number; sd: number } {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const sd = values.length < 2 ? 0 : Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1));
  return { mean, sd };
}
