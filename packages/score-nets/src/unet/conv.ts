import type { Rng } from '@scoreflow/core';
import { tf } from '../backend/tf.js';
import { type Dense, applyDense, dense } from '../network/dense.js';

/**
 * A 3 x 3 convolution (stride 1, zero 'same' padding), its weight stored as a (9 c_in) x c_out
 * matrix whose row (dy, dx, c_in) multiplies input pixel (y + dy - 1, x + dx - 1), channel c_in
 * (the im2col layout; `reshape(w, [3, 3, c_in, c_out])` is TF's filter).
 */
export interface Conv3x3 {
  readonly inputs: number;
  readonly outputs: number;
  readonly layer: Dense;
}

/** A 3 x 3 convolution's weights (Glorot-uniform over its 9 c_in inputs, zero bias) from the keyed RNG's `stream`. */
export function conv3x3(inputs: number, outputs: number, rng: Rng, stream: string, scale = 1): Conv3x3 {
  return { inputs, outputs, layer: dense(9 * inputs, outputs, rng, stream, scale) };
}

/** The 9 shifted copies of x [n, h, w, c] side by side: [n * h * w, 9 c], row (dy, dx, c) (the reference im2col of the tests). */
export function im2col3x3(x: tf.Tensor4D): tf.Tensor2D {
  const [n, h, w, c] = x.shape;
  const padded = tf.pad(x, [[0, 0], [1, 1], [1, 1], [0, 0]]);
  const shifts: tf.Tensor4D[] = [];
  for (let dy = 0; dy < 3; dy++) {
    for (let dx = 0; dx < 3; dx++) shifts.push(tf.slice(padded, [0, dy, dx, 0], [n, h, w, c]));
  }
  return tf.reshape(tf.concat(shifts, 3), [n * h * w, 9 * c]);
}

/**
 * The convolution with its gradient written out in forward convolutions only, since
 * tfjs-backend-wasm 4.22 has no `Conv2DBackpropFilter` kernel (a `tf.conv2d` cannot be trained
 * there) and its generic slices make an im2col formulation about ten times slower:
 * - forward: `tf.conv2d(x, W, 'same')` plus the bias (XNNPACK on wasm);
 * - dx = conv2d(dy, W rotated by 180 degrees with c_in and c_out swapped, 'same');
 * - dW[a, b, i, o] = sum over n, y, x of x_pad[n, y + a, x + b, i] dy[n, y, x, o]: a 'valid'
 *   convolution of x_pad read as c_in images of n channels with dy read as an h x w filter of
 *   n -> c_out channels (the batch is the contracted channel axis);
 * - db = 1^T dy, a matMul with a row of ones (as `denseOp`).
 */
const convOp = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [x, w, b, save] = args as [tf.Tensor4D, tf.Tensor2D, tf.Tensor1D, tf.GradSaveFunc];
  const [, , , inputs] = x.shape;
  const outputs = w.shape[1];
  const filter = tf.reshape(w, [3, 3, inputs, outputs]) as tf.Tensor4D;
  save([x, filter]);
  return {
    value: tf.add(tf.conv2d(x, filter, 1, 'same'), b),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [input, kernel] = saved as [tf.Tensor4D, tf.Tensor4D];
      const grad = dy as tf.Tensor4D;
      const [n, h, width] = input.shape;
      const flipped = tf.transpose(tf.reverse(kernel, [0, 1]), [0, 1, 3, 2]) as tf.Tensor4D;
      const dx = tf.conv2d(grad, flipped, 1, 'same');
      const images = tf.transpose(tf.pad(input, [[0, 0], [1, 1], [1, 1], [0, 0]]), [3, 1, 2, 0]) as tf.Tensor4D;
      const dyFilter = tf.transpose(grad, [1, 2, 0, 3]) as tf.Tensor4D;
      const dw = tf.reshape(tf.transpose(tf.conv2d(images, dyFilter, 1, 'valid'), [1, 2, 0, 3]), [9 * inputs, outputs]);
      const rows = tf.reshape(grad, [n * h * width, outputs]) as tf.Tensor2D;
      const db = tf.reshape(tf.matMul(tf.ones([1, n * h * width]) as tf.Tensor2D, rows), [outputs]);
      return [dx, dw, db];
    },
  };
});

/** y = conv(x) + b for x [n, h, w, c_in]: [n, h, w, c_out]. */
export function applyConv3x3(conv: Conv3x3, x: tf.Tensor4D): tf.Tensor4D {
  return convOp(x, conv.layer.w, conv.layer.b) as tf.Tensor4D;
}

/** A 1 x 1 convolution: a dense layer on every pixel, x [n, h, w, c_in] -> [n, h, w, c_out]. */
export function applyPointwise(layer: Dense, x: tf.Tensor4D): tf.Tensor4D {
  const [n, h, w, c] = x.shape;
  return tf.reshape(applyDense(layer, tf.reshape(x, [n * h * w, c])), [n, h, w, layer.b.shape[0] as number]);
}

/**
 * Space-to-depth: each 2 x 2 block of x [n, h, w, c] becomes one pixel of 4c channels, ordered
 * (row in block, column in block, channel): [n, h / 2, w / 2, 4c]. Followed by a pointwise layer it is
 * the learned stride-2 2 x 2 convolution that halves the resolution (reshapes and a rank-4 transpose only).
 */
export function spaceToDepth2(x: tf.Tensor4D): tf.Tensor4D {
  const [n, h, w, c] = x.shape;
  const pairs = tf.reshape(x, [n * (h / 2), 2, w / 2, 2 * c]);
  return tf.reshape(tf.transpose(pairs, [0, 2, 1, 3]), [n, h / 2, w / 2, 4 * c]);
}

/** Nearest-neighbour up-sampling by 2: [n, h, w, c] -> [n, 2h, 2w, c] (concats and reshapes, whose gradients are slices). */
export function upsample2(x: tf.Tensor4D): tf.Tensor4D {
  const [n, h, w, c] = x.shape;
  const wide = tf.reshape(tf.concat([x, x], 3), [n, h, 1, 2 * w * c]);
  return tf.reshape(tf.concat([wide, wide], 2), [n, 2 * h, 2 * w, c]);
}
