import type { ScoreModel } from '@scoreflow/core';
import { tf } from '../backend/tf.js';
import type { MlpScoreNetwork } from '../network/mlp.js';
import { classifierClasses } from './noisy-classifier.js';

/** Checks that `x` holds whole rows of `dim` and returns the row count; `fn` names the caller. */
function rowsOf(fn: string, x: Float32Array, dim: number, out: { length: number }, perRow: number): number {
  const n = x.length / dim;
  if (!Number.isInteger(n) || out.length !== n * perRow) {
    throw new RangeError(`${fn}: x must hold n * ${dim} values and out n * ${perRow}, got ${x.length} and ${out.length}.`);
  }
  return n;
}

/** log p_phi(y | x_t, t) per row (n): logits_y - logsumexp(logits). */
const logProbability = (network: MlpScoreNetwork, x: tf.Tensor2D, t: number, label: number): tf.Tensor1D =>
  tf.tidy(() => {
    const logits = network.apply(x, t);
    return tf.sub(tf.reshape(tf.slice(logits, [0, label], [-1, 1]), [-1]), tf.logSumExp(logits, 1)) as tf.Tensor1D;
  });

/**
 * A learned noisy classifier's log-likelihood gradient grad_x log p_phi(y | x, t) for one label, as a
 * `ScoreModel` (the `classifier` of classifier guidance for a learned score; Dhariwal & Nichol
 * 2021): one upload of x, the gradient by backpropagation through the network, one download.
 */
export function classifierScore(network: MlpScoreNetwork, label: number, name = 'network-classifier'): ScoreModel {
  const classes = classifierClasses(network);
  if (!(Number.isInteger(label) && label >= 0 && label < classes)) {
    throw new RangeError(`classifierScore: label must be an integer in [0, ${classes}) for a classifier of ${classes} classes, got ${label}.`);
  }
  const { dim } = network;
  return {
    name,
    dim,
    async score(x: Float32Array, t: number, out: Float32Array): Promise<void> {
      const n = rowsOf('classifierScore', x, dim, out, dim);
      const gradient = tf.tidy(() => tf.grad((input: tf.Tensor) => tf.sum(logProbability(network, input as tf.Tensor2D, t, label)))(tf.tensor2d(x, [n, dim])));
      try {
        out.set((await gradient.data()) as Float32Array);
      } finally {
        gradient.dispose();
      }
    },
  };
}

/** p_phi(c | x_i, t) for every row and class (n * C, row-major): the softmax of the logits. */
export async function classifierProbabilities(network: MlpScoreNetwork, x: Float32Array, t: number): Promise<Float32Array> {
  const classes = classifierClasses(network);
  const n = rowsOf('classifierProbabilities', x, network.dim, { length: (x.length / network.dim) * classes }, classes);
  const probabilities = tf.tidy(() => tf.softmax(network.apply(tf.tensor2d(x, [n, network.dim]), t)));
  try {
    return (await probabilities.data()) as Float32Array;
  } finally {
    probabilities.dispose();
  }
}
