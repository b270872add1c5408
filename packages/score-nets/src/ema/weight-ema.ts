import { tf } from '../backend/tf.js';
import type { ScoreNetwork } from '../network/mlp.js';

/** An exponential moving average of a network's weights. */
export interface WeightEma {
  readonly decay: number;
  /** The averaged weights, in the order of `network.variables` (non-trainable). */
  readonly weights: readonly tf.Variable[];
  /** Averages in the current weights: ema <- decay ema + (1 - decay) w. */
  update(): void;
  /** Copies the averaged weights into `target` (a network of the same architecture). */
  copyTo(target: ScoreNetwork): void;
  dispose(): void;
}

/**
 * An EMA of `network`'s weights (Polyak & Juditsky 1992), the weights used for sampling in
 * Song et al. 2021 (appendix H: decay 0.999 or 0.9999). Starts at the current weights.
 * `train(..., { ema })` updates it after every step.
 */
export function weightEma(network: ScoreNetwork, decay = 0.999): WeightEma {
  if (!(decay >= 0 && decay < 1)) throw new RangeError(`weightEma: decay must be in [0, 1), got ${decay}.`);
  const weights = network.variables.map((v) => tf.variable(v, false));
  return {
    decay,
    weights,
    update: () =>
      tf.tidy(() => {
        network.variables.forEach((v, i) => weights[i]?.assign(tf.add(tf.mul(weights[i] as tf.Tensor, decay), tf.mul(v, 1 - decay))));
      }),
    copyTo: (target) => {
      if (target.variables.length !== weights.length) {
        throw new RangeError(`WeightEma.copyTo: target has ${target.variables.length} weight tensors, the EMA ${weights.length}.`);
      }
      target.variables.forEach((v, i) => v.assign(weights[i] as tf.Tensor));
    },
    dispose: () => tf.dispose(weights),
  };
}
