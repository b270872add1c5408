import type { Rng } from '@scoreflow/core';
import { tf } from '../backend/tf.js';
import { type Dense, applyDense, dense } from '../network/dense.js';
import { type GroupNorm, applyGroupNorm, groupNorm } from './group-norm.js';

/** A single-head self-attention block's weights. */
export interface AttentionBlock {
  readonly norm: GroupNorm;
  /** Queries, keys and values in one layer: c -> 3c. */
  readonly qkv: Dense;
  readonly out: Dense;
}

/** Self-attention weights for `channels` channels (the output projection scaled by 0.1: the block starts near the identity). */
export function attentionBlock(channels: number, groups: number, rng: Rng, stream: string): AttentionBlock {
  return { norm: groupNorm(channels, groups), qkv: dense(channels, 3 * channels, rng, `${stream}/qkv`), out: dense(channels, channels, rng, `${stream}/out`, 0.1) };
}

/**
 * x + proj(softmax(q k^T / sqrt(c)) v) over the h w pixels of each image (Vaswani et al. 2017;
 * the attention block of Ho et al. 2020 at 16 x 16, here at the lowest resolution), single head,
 * with q, k, v pointwise projections of the group-normalised x. Dense layers stay rank 2; the two
 * batched products are plain rank-3 matMuls (no fused bias).
 */
export function applyAttention(block: AttentionBlock, x: tf.Tensor4D): tf.Tensor4D {
  const [n, h, w, c] = x.shape;
  const pixels = h * w;
  const qkv = applyDense(block.qkv, tf.reshape(applyGroupNorm(block.norm, x), [n * pixels, c]));
  const [q, k, v] = tf.split(qkv, 3, 1).map((part) => tf.reshape(part, [n, pixels, c]) as tf.Tensor3D) as [tf.Tensor3D, tf.Tensor3D, tf.Tensor3D];
  const weights = tf.softmax(tf.mul(tf.matMul(q, k, false, true), 1 / Math.sqrt(c)));
  const attended = tf.reshape(tf.matMul(weights, v), [n * pixels, c]);
  return tf.add(x, tf.reshape(applyDense(block.out, attended), [n, h, w, c]));
}
