import type { Rng } from '@scoreflow/core';
import { tf } from '../backend/tf.js';
import { keyedMatrix } from './keyed-init.js';

/** A dense layer's weights. */
export interface Dense {
  readonly w: tf.Variable;
  readonly b: tf.Variable;
}

/**
 * Glorot-uniform weights (Glorot & Bengio 2010) from the keyed RNG's `stream`, zero bias; `scale`
 * shrinks the output layer.
 */
export function dense(inputs: number, outputs: number, rng: Rng, stream: string, scale = 1): Dense {
  const limit = scale * Math.sqrt(6 / (inputs + outputs));
  return {
    // Unnamed: tfjs names must be unique, and two networks of one architecture may coexist (EMA).
    w: tf.tidy(() => tf.variable(tf.tensor2d(keyedMatrix(rng, stream, inputs, outputs, { limit }), [inputs, outputs]))),
    b: tf.tidy(() => tf.variable(tf.zeros([outputs]))),
  };
}

/**
 * Rank-2 dense layer y = x W + b (rank 2 throughout: wasm's fused matMul is wrong at rank 3) with
 * its gradient written out: dx = dy W^T, dW = x^T dy, and db = 1^T dy as a matMul with a row of
 * ones. Autodiff would reduce db with `Sum` over the batch axis, which wasm does slowly (about
 * 15% of a training step of the MLP 3x128 at batch 4096); the forward pass is one fused matMul
 * with bias.
 */
export const denseOp = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [x, w, b, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D, tf.GradSaveFunc];
  save([x, w]);
  return {
    value: tf.fused.matMul({ a: x, b: w, bias: b }),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [input, weights] = saved as [tf.Tensor2D, tf.Tensor2D];
      const rows = dy as tf.Tensor2D;
      const ones = tf.ones([1, rows.shape[0]]) as tf.Tensor2D;
      return [tf.matMul(rows, weights, false, true), tf.matMul(input, rows, true, false), tf.reshape(tf.matMul(ones, rows), [rows.shape[1]])];
    },
  };
});

/** y = x W + b through `denseOp`. */
export const applyDense = (layer: Dense, x: tf.Tensor): tf.Tensor2D => denseOp(x, layer.w, layer.b) as tf.Tensor2D;
