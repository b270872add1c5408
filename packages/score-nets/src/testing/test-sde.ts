import type { Sde } from '@scoreflow/core';
import { tf } from '../backend/tf.js';
import type { ScoreNetwork } from '../network/mlp.js';

/**
 * A VP SDE with constant beta = 1 for tests (plugins may not import packages/sdes):
 * dx = -x/2 dt + dW, m(t) = exp(-t/2), s(t)^2 = 1 - exp(-t), on [0, T].
 */
export function testVpSde(T = 1): Sde {
  return {
    name: 'test-vp',
    T,
    drift: (x, _t, out) => {
      x.forEach((xi, i) => (out[i] = -0.5 * xi));
    },
    driftCoefficient: () => -0.5,
    diffusion: () => 1,
    marginal: (t) => ({ mean: Math.exp(-t / 2), std: Math.sqrt(-Math.expm1(-t)) }),
    prior: (out) => out.fill(0),
    priorStd: 1,
    priorLogDensity: (_x, _dim, out) => out.fill(0),
  };
}

/**
 * The exact score of data N(mu, sigma^2 I) under `testVpSde`, as a `ScoreNetwork` of kind
 * `score`: x_t ~ N(m mu, v I) with v = m^2 sigma^2 + s^2, score = -(x - m mu) / v.
 * `perturb` adds a constant to every component (to show that the DSM loss then grows).
 */
export function exactGaussianScore(mu: readonly number[], sigma: number, perturb = 0): ScoreNetwork {
  const dim = mu.length;
  return {
    dim,
    output: 'score',
    variables: [],
    apply: (x, t) =>
      tf.tidy(() => {
        const m = tf.exp(tf.mul(tf.reshape(t, [-1, 1]), -0.5));
        const m2 = tf.square(m);
        const v = tf.add(tf.mul(m2, sigma * sigma), tf.sub(1, m2));
        const score = tf.neg(tf.div(tf.sub(x, tf.mul(m, tf.tensor2d([...mu], [1, dim]))), v));
        return tf.add(score, perturb) as tf.Tensor2D;
      }),
    dispose: () => undefined,
  };
}
