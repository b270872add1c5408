import { tf } from '../backend/tf.js';
import type { ScoreNetwork } from '../network/mlp.js';
import type { DsmBatch } from '../training/dsm-batch.js';

/**
 * The cross-entropy of a noisy classifier on a batch drawn by `drawDsmBatch` (with the rows'
 * labels, none dropped): x_t = m(t) x_0 + s(t) z at the rows' times, logits = network(x_t, t),
 *
 *   loss = mean over rows of -log softmax(logits)_y = mean of (logsumexp(logits) - logits_y).
 *
 * Its minimiser over all functions of (x_t, t) is the exact noisy classifier p_t(y | x_t) averaged
 * over t ~ U[eps, T]. `scale` multiplies the mean (a shard's share). Returns a scalar.
 */
export function classifierLoss(network: ScoreNetwork, batch: DsmBatch, scale = 1): tf.Scalar {
  const { n, dim, labels } = batch;
  if (labels === undefined) throw new RangeError('classifierLoss: the batch needs one label per row (the class to predict).');
  return tf.tidy(() => {
    const m = tf.tensor2d(batch.mean, [n, 1]);
    const s = tf.tensor2d(batch.std, [n, 1]);
    const xt = tf.add(tf.mul(m, tf.tensor2d(batch.x0, [n, dim])), tf.mul(s, tf.tensor2d(batch.z, [n, dim]))) as tf.Tensor2D;
    const logits = network.apply(xt, tf.tensor1d(batch.t));
    const classes = logits.shape[1];
    const picked = tf.sum(tf.mul(logits, tf.cast(tf.oneHot(tf.tensor1d(labels, 'int32'), classes), 'float32')), 1);
    return tf.mul(tf.mean(tf.sub(tf.logSumExp(logits, 1), picked)), scale);
  });
}
