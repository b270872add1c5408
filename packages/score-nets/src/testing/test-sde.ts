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
  const exact = exactMixtureScore([{ weight: 1, mu, sigma }]);
  return { ...exact, apply: (x, t) => tf.tidy(() => tf.add(exact.apply(x, t), perturb) as tf.Tensor2D) };
}

/** One isotropic component of a test mixture: weight, mean, standard deviation. */
export interface TestComponent {
  readonly weight: number;
  readonly mu: readonly number[];
  readonly sigma: number;
}

/**
 * The exact score of the mixture sum_k w_k N(mu_k, sigma_k^2 I) under `testVpSde`, as a
 * `ScoreNetwork` of kind `score`: p_t = sum_k w_k N(m mu_k, v_k I) with v_k = m^2 sigma_k^2 + s^2,
 * score = sum_k r_k (-(x - m mu_k) / v_k) with responsibilities r = softmax_k(log w_k - dim/2 log v_k
 * - |x - m mu_k|^2 / (2 v_k)).
 */
export function exactMixtureScore(components: readonly TestComponent[]): ScoreNetwork {
  const dim = components[0]?.mu.length ?? 0;
  return {
    dim,
    output: 'score',
    classes: 0,
    variables: [],
    apply: (x, t) =>
      tf.tidy(() => {
        const m = tf.exp(tf.mul(tf.reshape(t, [-1, 1]), -0.5));
        const m2 = tf.square(m);
        const parts = components.map(({ weight, mu, sigma }) => {
          const v = tf.add(tf.mul(m2, sigma * sigma), tf.sub(1, m2));
          const centred = tf.sub(x, tf.mul(m, tf.tensor2d([...mu], [1, dim])));
          const logDensity = tf.sub(tf.sub(Math.log(weight), tf.mul(tf.log(v), dim / 2)), tf.div(tf.sum(tf.square(centred), 1, true), tf.mul(v, 2)));
          return { logDensity, score: tf.neg(tf.div(centred, v)) };
        });
        const responsibilities = tf.softmax(tf.concat(parts.map((p) => p.logDensity), 1));
        const weighted = parts.map((p, k) => tf.mul(tf.slice(responsibilities, [0, k], [-1, 1]), p.score));
        return tf.addN(weighted) as tf.Tensor2D;
      }),
    dispose: () => undefined,
  };
}

/** Draws n rows of the mixture (Box-Muller on a seeded uniform source), row-major. */
export function sampleTestMixture(components: readonly TestComponent[], n: number, uniform: () => number): Float32Array {
  const dim = components[0]?.mu.length ?? 0;
  const x = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) {
    let u = uniform();
    const component = components.find((c) => (u -= c.weight) < 0) ?? (components.at(-1) as TestComponent);
    for (let j = 0; j < dim; j++) {
      const z = Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
      x[i * dim + j] = (component.mu[j] ?? 0) + component.sigma * z;
    }
  }
  return x;
}
