import type { Sde } from '@scoreflow/core';
import { tf } from '../backend/tf.js';
import type { ScoreNetwork } from '../network/mlp.js';
import { scoreOf } from '../network/parameterisation.js';

/**
 * The denoising score matching loss (Song et al. 2021, eq. 7; Vincent 2011) with the weighting
 * lambda(t) = s(t)^2, for given x_0 (n x dim), times t (n) and noises z (n x dim):
 *
 *   x_t = m(t) x_0 + s(t) z,  grad log p(x_t | x_0) = -z / s(t),
 *   loss = mean over rows of s^2 || score(x_t, t) + z / s ||^2 = || s score(x_t, t) + z ||^2,
 *
 * which for an `eps` network is the noise-prediction MSE of Ho et al. 2020 (summed over
 * dimensions). The score comes from `scoreOf`, the one conversion. Returns a scalar.
 */
export function dsmLoss(network: ScoreNetwork, sde: Sde, x0: tf.Tensor2D, t: Float32Array, z: tf.Tensor2D): tf.Scalar {
  const n = t.length;
  if (x0.shape[0] !== n || z.shape[0] !== n) {
    throw new RangeError(`dsmLoss: x0, t and z must have the same number of rows, got ${x0.shape[0]}, ${n} and ${z.shape[0]}.`);
  }
  const mean = new Float32Array(n);
  const std = new Float32Array(n);
  t.forEach((ti, i) => {
    const marginal = sde.marginal(ti);
    mean[i] = marginal.mean;
    std[i] = marginal.std;
  });
  return tf.tidy(() => {
    const m = tf.tensor2d(mean, [n, 1]);
    const s = tf.tensor2d(std, [n, 1]);
    const xt = tf.add(tf.mul(m, x0), tf.mul(s, z)) as tf.Tensor2D;
    const score = scoreOf(network.output, network.apply(xt, tf.tensor1d(t)), xt, m, s);
    const residual = tf.add(tf.mul(s, score), z);
    return tf.mean(tf.sum(tf.square(residual), 1));
  });
}
