import type { ScoreModel, Sde } from '@scoreflow/core';
import { tf } from '../backend/tf.js';
import type { ScoreNetwork } from './mlp.js';
import { scoreOf } from './parameterisation.js';

/**
 * A `ScoreModel` backed by a network: one `tf.tensor2d` upload of x per call, the network's
 * output turned into a score by `scoreOf` with the SDE's marginal (m(t), s(t)), the result
 * downloaded into `out`; every tensor is disposed.
 */
export function networkScore(network: ScoreNetwork, sde: Sde, name = `network-${network.output}`): ScoreModel {
  const { dim } = network;
  return {
    name,
    dim,
    async score(x: Float32Array, t: number, out: Float32Array): Promise<void> {
      const n = x.length / dim;
      if (!Number.isInteger(n) || out.length !== x.length) {
        throw new RangeError(`networkScore: x and out must both hold n * ${dim} values, got ${x.length} and ${out.length}.`);
      }
      const { mean, std } = sde.marginal(t);
      const score = tf.tidy(() => {
        const xt = tf.tensor2d(x, [n, dim]);
        const raw = network.apply(xt, tf.fill([n], t) as tf.Tensor1D);
        return scoreOf(network.output, raw, xt, mean, std);
      });
      try {
        out.set((await score.data()) as Float32Array);
      } finally {
        score.dispose();
      }
    },
  };
}
