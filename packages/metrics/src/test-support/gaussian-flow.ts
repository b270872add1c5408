import type { VelocityModel } from '@scoreflow/core';

/** The flow's target N(mu, s^2 I) in 2-D. */
export const GAUSSIAN_FLOW = { dim: 2, mu: [1.5, -0.5], s: 0.4 } as const;
const { dim, mu, s } = GAUSSIAN_FLOW;

/**
 * Test-only: the exact flow of the straight path x_t = (1 - t) x0 + t x1 from N(0, I) to N(mu, s^2 I) (x0, x1
 * independent): p_t = N(t mu, v_t I), v_t = (1 - t)^2 + t^2 s^2, and the velocity
 * u = mu + (t s^2 - (1 - t)) / v_t (x - t mu), whose divergence is dim times that gain.
 */
export function gaussianFlow(withDivergence = true): VelocityModel {
  const gain = (t: number) => (t * s * s - (1 - t)) / ((1 - t) ** 2 + t * t * s * s);
  return {
    name: 'gaussian-flow',
    dim,
    velocity(x, t, out) {
      for (let k = 0; k < x.length; k++) out[k] = mu[k % dim] + gain(t) * (x[k] - t * mu[k % dim]);
    },
    ...(withDivergence && {
      divergence(x: Float32Array, t: number, out: Float64Array, probe?: Float32Array) {
        for (let i = 0; i < out.length; i++) {
          let quadratic = 0;
          for (let j = 0; j < dim; j++) quadratic += probe === undefined ? 1 : probe[i * dim + j] ** 2;
          out[i] = gain(t) * quadratic;
        }
      },
    }),
  };
}

/** log N(x; mu, s^2 I), the flow's law at t = 1. */
export function gaussianFlowTargetLogDensity(x: Float32Array, i: number): number {
  let squares = 0;
  for (let j = 0; j < dim; j++) squares += (x[i * dim + j] - mu[j]) ** 2;
  return -0.5 * (dim * Math.log(2 * Math.PI * s * s) + squares / (s * s));
}
