import type { ScoreModel, Sde } from '@scoreflow/core';
import { tf } from '../backend/tf.js';
import type { ScoreNetwork } from './mlp.js';
import { scoreOf } from './parameterisation.js';

/** The divergence method of a score model (see core's `ScoreModel.divergence`). */
export type NetworkDivergence = NonNullable<ScoreModel['divergence']>;

/**
 * The divergence of a network's score s(x, t) (`scoreOf` of its output, as `networkScore`), by
 * TF.js's reverse-mode autodiff (the rows of an MLP are independent, so one backward pass of a
 * sum over rows gives every row's gradient):
 * - exact: tr(ds/dx) = sum_j d s_j / d x_j, one backward pass of sum_i s_ij per coordinate j
 *   (dim passes: for low dimensions);
 * - with `probe` e: e^T (ds/dx) e, one vector-Jacobian product e^T ds/dx (one backward pass)
 *   dotted with e: a sample of Hutchinson's estimator (FFJORD, Grathwohl et al. 2019).
 * `label` conditions a network with classes, as `networkScore`'s option. Float32 throughout.
 *
 * @example
 * const divergence = networkDivergence(network, sde);
 * await divergence(x, 0.5, out); // out[i] = div s(x_i, 0.5)
 */
export function networkDivergence(network: ScoreNetwork, sde: Sde, label?: number): NetworkDivergence {
  const { dim } = network;
  return async (x, t, out, probe) => {
    const n = x.length / dim;
    if (!Number.isInteger(n) || out.length !== n || (probe !== undefined && probe.length !== x.length)) {
      throw new RangeError(`networkDivergence: x (and probe) must hold n * ${dim} values and out n, got ${x.length}, ${probe?.length ?? 'no probe'} and ${out.length}.`);
    }
    const { mean, std } = sde.marginal(t);
    const result = tf.tidy(() => {
      const xt = tf.tensor2d(x, [n, dim]);
      const labels = label === undefined ? undefined : (tf.fill([n], label, 'int32') as tf.Tensor1D);
      const score = (input: tf.Tensor2D) => scoreOf(network.output, network.apply(input, t, labels), input, mean, std);
      /** e^T ds/dx per row, for directions e (n x dim). */
      const vjp = (directions: tf.Tensor2D) => tf.grad((input: tf.Tensor) => tf.sum(tf.mul(score(input as tf.Tensor2D), directions)))(xt);
      if (probe !== undefined) {
        const e = tf.tensor2d(probe, [n, dim]);
        return tf.sum(tf.mul(vjp(e), e), 1);
      }
      let trace: tf.Tensor = tf.zeros([n]);
      for (let j = 0; j < dim; j++) {
        const basis = tf.oneHot(tf.fill([n], j, 'int32') as tf.Tensor1D, dim) as tf.Tensor2D;
        trace = tf.add(trace, tf.reshape(tf.slice(vjp(tf.cast(basis, 'float32') as tf.Tensor2D), [0, j], [n, 1]), [n]));
      }
      return trace;
    });
    try {
      out.set((await result.data()) as Float32Array);
    } finally {
      result.dispose();
    }
  };
}
