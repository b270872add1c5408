import type { Rng } from '@scoreflow/core';
import { tf } from '../backend/tf.js';
import { type Dense, applyDense, dense } from '../network/dense.js';
import { type Conv3x3, applyConv3x3, applyPointwise, conv3x3 } from './conv.js';
import { type GroupNorm, applyGroupNorm, groupNorm } from './group-norm.js';

/** A residual block's weights. */
export interface ResBlock {
  readonly norm1: GroupNorm;
  readonly conv1: Conv3x3;
  /** The embedding (time, label) projected to a per-channel shift. */
  readonly embed: Dense;
  readonly norm2: GroupNorm;
  readonly conv2: Conv3x3;
  /** A 1 x 1 convolution on the skip path when the channels change. */
  readonly skip?: Dense;
}

/** Residual-block weights, `inputs` -> `outputs` channels, conditioned on an embedding of `embeddingSize`. */
export function resBlock(inputs: number, outputs: number, embeddingSize: number, groups: number, rng: Rng, stream: string): ResBlock {
  return {
    norm1: groupNorm(inputs, groups),
    conv1: conv3x3(inputs, outputs, rng, `${stream}/conv1`),
    embed: dense(embeddingSize, outputs, rng, `${stream}/embed`),
    norm2: groupNorm(outputs, groups),
    // Scaled down: the block starts near the identity (Ho et al. 2020 zero-initialise this convolution).
    conv2: conv3x3(outputs, outputs, rng, `${stream}/conv2`, 0.1),
    ...(inputs !== outputs && { skip: dense(inputs, outputs, rng, `${stream}/skip`) }),
  };
}

/** SiLU, x sigmoid(x) (Elfwing et al. 2018). */
export const silu = <T extends tf.Tensor>(x: T): T => tf.mul(x, tf.sigmoid(x));

/**
 * The residual block of Ho et al. 2020 (after Zagoruyko & Komodakis 2016): h = conv(silu(GN(x)));
 * h += W silu(emb) per channel; h = conv(silu(GN(h))); out = skip(x) + h.
 * `emb` is [n, embeddingSize]; x is [n, h, w, inputs].
 */
export function applyResBlock(block: ResBlock, x: tf.Tensor4D, emb: tf.Tensor2D): tf.Tensor4D {
  const [n] = x.shape;
  let h = applyConv3x3(block.conv1, silu(applyGroupNorm(block.norm1, x)));
  h = tf.add(h, tf.reshape(applyDense(block.embed, silu(emb)), [n, 1, 1, block.conv1.outputs]));
  h = applyConv3x3(block.conv2, silu(applyGroupNorm(block.norm2, h)));
  return tf.add(block.skip ? applyPointwise(block.skip, x) : x, h);
}

/** A residual block's variables, in a fixed order. */
export function resBlockVariables(block: ResBlock): tf.Variable[] {
  return [block.norm1.gamma, block.norm1.beta, block.conv1.layer.w, block.conv1.layer.b, block.embed.w, block.embed.b, block.norm2.gamma, block.norm2.beta, block.conv2.layer.w, block.conv2.layer.b, ...(block.skip ? [block.skip.w, block.skip.b] : [])];
}
