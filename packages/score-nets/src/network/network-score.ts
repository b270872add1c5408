import type { ScoreModel, Sde } from '@scoreflow/core';
import { tf } from '../backend/tf.js';
import type { ScoreNetwork } from './mlp.js';
import { describeMlp, mlpOf } from './describe-mlp.js';
import { networkDivergence } from './network-divergence.js';
import { scoreOf } from './parameterisation.js';

/** Options of `networkScore`. */
export interface NetworkScoreOptions {
  /** The score model's name (default `network-<output>`). */
  readonly name?: string;
  /**
   * The class every particle is conditioned on, for a network with `classes`; without it the
   * network's null label gives the unconditional score.
   */
  readonly label?: number;
}

/**
 * A `ScoreModel` backed by a network: one `tf.tensor2d` upload of x per call, the network's
 * output turned into a score by `scoreOf` with the SDE's marginal (m(t), s(t)), the result
 * downloaded into `out`; every tensor is disposed. Its `divergence` is `networkDivergence`'s
 * (autodiff through the same conversion).
 */
export function networkScore(network: ScoreNetwork, sde: Sde, options: NetworkScoreOptions = {}): ScoreModel {
  const { dim, classes } = network;
  const { name = `network-${network.output}`, label } = options;
  if (label !== undefined && !(Number.isInteger(label) && label >= 0 && label < classes)) {
    throw new RangeError(`networkScore: label must be an integer in [0, ${classes}) for a network of ${classes} classes, got ${label}.`);
  }
  // An MLP describes itself as data; a U-Net does not.
  const mlp = mlpOf(network);
  return {
    name,
    dim,
    ...(mlp && { describe: () => describeMlp(mlp, label) }),
    async score(x: Float32Array, t: number, out: Float32Array): Promise<void> {
      const n = x.length / dim;
      if (!Number.isInteger(n) || out.length !== x.length) {
        throw new RangeError(`networkScore: x and out must both hold n * ${dim} values, got ${x.length} and ${out.length}.`);
      }
      const { mean, std } = sde.marginal(t);
      const score = tf.tidy(() => {
        const xt = tf.tensor2d(x, [n, dim]);
        const labels = label === undefined ? undefined : (tf.fill([n], label, 'int32') as tf.Tensor1D);
        const raw = network.apply(xt, t, labels);
        return scoreOf(network.output, raw, xt, mean, std);
      });
      try {
        out.set((await score.data()) as Float32Array);
      } finally {
        score.dispose();
      }
    },
    divergence: networkDivergence(network, sde, label),
  };
}
