import { tf } from '../backend/tf.js';

/** A divergence method, as core's `ScoreModel.divergence` and `VelocityModel.divergence` share it. */
export type DivergenceMethod = (x: Float32Array, t: number, out: Float64Array, probe?: Float32Array) => Promise<void>;

/**
 * The divergence of a field f(x, t) computed by TF.js (`field` maps n x dim inputs to n x dim
 * outputs, row by row), by reverse-mode autodiff: the rows are independent, so one backward pass of
 * a sum over rows gives every row's gradient.
 * - exact: tr(df/dx) = sum_j d f_j / d x_j, one backward pass of sum_i f_ij per coordinate j
 *   (dim passes: for low dimensions);
 * - with `probe` e: e^T (df/dx) e, one vector-Jacobian product e^T df/dx (one backward pass)
 *   dotted with e: a sample of Hutchinson's estimator (Hutchinson 1989; FFJORD, Grathwohl et al. 2019).
 * Float32 throughout; every tensor is disposed. `fn` names the caller in messages.
 *
 * @example
 * const divergence = jacobianDivergence('networkVelocity', 2, (input, t) => network.apply(input, t));
 * await divergence(x, 0.5, out); // out[i] = div v(x_i, 0.5)
 */
export function jacobianDivergence(fn: string, dim: number, field: (input: tf.Tensor2D, t: number) => tf.Tensor2D): DivergenceMethod {
  return async (x, t, out, probe) => {
    const n = x.length / dim;
    if (!Number.isInteger(n) || out.length !== n || (probe !== undefined && probe.length !== x.length)) {
      throw new RangeError(`${fn}: x (and probe) must hold n * ${dim} values and out n, got ${x.length}, ${probe?.length ?? 'no probe'} and ${out.length}.`);
    }
    const result = tf.tidy(() => {
      const xt = tf.tensor2d(x, [n, dim]);
      /** e^T df/dx per row, for directions e (n x dim). */
      const vjp = (directions: tf.Tensor2D) => tf.grad((input: tf.Tensor) => tf.sum(tf.mul(field(input as tf.Tensor2D, t), directions)))(xt);
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
