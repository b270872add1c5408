import { tf } from '../backend/tf.js';

/** A group normalisation's learned scale (ones) and shift (zeros), one per channel. */
export interface GroupNorm {
  readonly groups: number;
  readonly gamma: tf.Variable;
  readonly beta: tf.Variable;
}

/** Group-norm weights for `channels` channels in `groups` groups (`groups` divides `channels`). */
export function groupNorm(channels: number, groups: number): GroupNorm {
  if (channels % groups !== 0) throw new RangeError(`groupNorm: groups must divide channels, got ${groups} groups for ${channels} channels.`);
  // tf.variable keeps its initial value's data but not the tensor: dispose the initial tensors, or they outlive the network.
  const [ones, zeros] = [tf.ones([channels]), tf.zeros([channels])];
  const norm = { groups, gamma: tf.variable(ones), beta: tf.variable(zeros) };
  tf.dispose([ones, zeros]);
  return norm;
}

/** The epsilon added to the variance (PyTorch's GroupNorm default). */
export const GROUP_NORM_EPSILON = 1e-5;

/**
 * Group normalisation (Wu & He 2018): the channels of x [n, h, w, c] are split into `groups`
 * groups of c / groups; each image's group is normalised by its own mean and (biased) variance
 * over its pixels and channels, y = (x - mu) / sqrt(var + 1e-5) * gamma + beta. It does not
 * depend on the batch, so a training batch and a sampling batch normalise alike (Ho et al. 2020
 * use it in every residual block).
 */
export function applyGroupNorm(norm: GroupNorm, x: tf.Tensor4D): tf.Tensor4D {
  const [n, h, w, c] = x.shape;
  const grouped = tf.reshape(x, [n, h * w, norm.groups, c / norm.groups]);
  const mean = tf.mean(grouped, [1, 3], true);
  const centred = tf.sub(grouped, mean);
  const variance = tf.mean(tf.square(centred), [1, 3], true);
  const normalised = tf.reshape(tf.mul(centred, tf.rsqrt(tf.add(variance, GROUP_NORM_EPSILON))), [n, h, w, c]);
  return tf.add(tf.mul(normalised, norm.gamma), norm.beta);
}
