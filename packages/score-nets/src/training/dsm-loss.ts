import { tf } from '../backend/tf.js';
import type { ScoreNetwork } from '../network/mlp.js';
import { scoreOf } from '../network/parameterisation.js';
import type { DsmBatch } from './dsm-batch.js';

/**
 * The denoising score matching loss (Song et al. 2021, eq. 7; Vincent 2011) of a batch drawn by
 * `drawDsmBatch`:
 *
 *   x_t = m(t) x_0 + s(t) z,  grad log p(x_t | x_0) = -z / s(t),
 *   loss = mean over rows of lambda(t) || score(x_t, t) + z / s ||^2
 *        = mean over rows of (lambda / s^2) || s score(x_t, t) + z ||^2,
 *
 * with `batch.weight` = lambda / s^2 (1 for lambda = s^2, where an `eps` network's loss is the
 * noise-prediction MSE of Ho et al. 2020, summed over dimensions). The score comes from
 * `scoreOf`, the one conversion. `scale` multiplies the mean (a shard's share of a batch).
 * Returns a scalar.
 */
export function dsmLoss(network: ScoreNetwork, batch: DsmBatch, scale = 1): tf.Scalar {
  const { n, dim } = batch;
  if (dim !== network.dim) throw new RangeError(`dsmLoss: the batch's dim ${dim} differs from the network's dim ${network.dim}.`);
  if (batch.x0.length !== n * dim || batch.z.length !== n * dim || batch.t.length !== n) {
    throw new RangeError(`dsmLoss: x0 and z must hold n * dim = ${n * dim} values and t n = ${n}, got ${batch.x0.length}, ${batch.z.length} and ${batch.t.length}.`);
  }
  return tf.tidy(() => {
    const m = tf.tensor2d(batch.mean, [n, 1]);
    const s = tf.tensor2d(batch.std, [n, 1]);
    const z = tf.tensor2d(batch.z, [n, dim]);
    const xt = tf.add(tf.mul(m, tf.tensor2d(batch.x0, [n, dim])), tf.mul(s, z)) as tf.Tensor2D;
    const labels = batch.labels && tf.tensor1d(batch.labels, 'int32');
    const score = scoreOf(network.output, network.apply(xt, tf.tensor1d(batch.t), labels), xt, m, s);
    const perRow = tf.sum(tf.square(tf.add(tf.mul(s, score), z)), 1);
    const weighted = batch.weight.every((w) => w === 1) ? perRow : tf.mul(perRow, tf.tensor1d(batch.weight));
    return tf.mul(tf.mean(weighted), scale);
  });
}
