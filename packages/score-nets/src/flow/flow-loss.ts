import { tf } from '../backend/tf.js';
import type { ScoreNetwork } from '../network/mlp.js';
import type { FlowBatch } from './draw-flow-batch.js';

/**
 * The conditional flow matching loss of a batch (Lipman et al. 2023, eq. 9; Tong et al. 2024,
 * eq. 10): the mean over rows of || v(x_t, t) - u_t ||^2, summed over coordinates (torchcfm takes
 * the mean over coordinates too: its loss is this divided by dim). Its minimum over all v is the
 * irreducible loss E || u_t - E[u_t | x_t] ||^2, reached by the exact marginal velocity. Returns a
 * scalar.
 */
export function flowLoss(network: ScoreNetwork, batch: FlowBatch): tf.Scalar {
  const { n, dim } = batch;
  if (dim !== network.dim) throw new RangeError(`flowLoss: the batch's dim ${dim} differs from the network's dim ${network.dim}.`);
  if (network.output !== 'velocity') throw new RangeError(`flowLoss: the network must predict a velocity (output 'velocity'), got '${network.output}'.`);
  return tf.tidy(() => {
    const velocity = network.apply(tf.tensor2d(batch.xt, [n, dim]), tf.tensor1d(batch.t));
    return tf.mean(tf.sum(tf.square(tf.sub(velocity, tf.tensor2d(batch.target, [n, dim]))), 1));
  });
}
