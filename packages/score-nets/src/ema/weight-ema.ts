import { tf } from '../backend/tf.js';
import type { ScoreNetwork } from '../network/mlp.js';

/** The default decay of `weightEma` (Song et al. 2021, appendix H). */
export const EMA_DECAY = 0.999;

/** Options of `weightEma`. */
export interface WeightEmaOptions {
  /**
   * Warm the decay up as TensorFlow's `ExponentialMovingAverage(num_updates)` does: update k
   * (0-based) uses min(decay, (1 + k) / (10 + k)), so that early averages forget the initial
   * weights (with a fixed decay 0.999 they still weigh 0.999^k: 37% after 1,000 steps). Default true.
   */
  readonly warmup?: boolean;
  /** Updates already made (a resumed EMA); default 0. */
  readonly updates?: number;
}

/** An exponential moving average of a network's weights. */
export interface WeightEma {
  readonly decay: number;
  readonly warmup: boolean;
  /** Updates made so far. */
  readonly updates: number;
  /** The averaged weights, in the order of `network.variables` (non-trainable). */
  readonly weights: readonly tf.Variable[];
  /** The decay that update k (0-based) uses. */
  decayAt(k: number): number;
  /** Averages in the current weights: ema <- d ema + (1 - d) w, d = decayAt(updates). */
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
export function weightEma(network: ScoreNetwork, decay = EMA_DECAY, options: WeightEmaOptions = {}): WeightEma {
  const { warmup = true } = options;
  let updates = options.updates ?? 0;
  if (!(decay >= 0 && decay < 1)) throw new RangeError(`weightEma: decay must be in [0, 1), got ${decay}.`);
  if (!(Number.isSafeInteger(updates) && updates >= 0)) throw new RangeError(`weightEma: updates must be an integer >= 0, got ${updates}.`);
  const weights = network.variables.map((v) => tf.variable(v, false));
  const decayAt = (k: number): number => (warmup ? Math.min(decay, (1 + k) / (10 + k)) : decay);
  return {
    decay,
    warmup,
    get updates() {
      return updates;
    },
    weights,
    decayAt,
    update: () => {
      const d = decayAt(updates);
      tf.tidy(() => {
        network.variables.forEach((v, i) => weights[i]?.assign(tf.add(tf.mul(weights[i] as tf.Tensor, d), tf.mul(v, 1 - d))));
      });
      updates += 1;
    },
    copyTo: (target) => {
      if (target.variables.length !== weights.length) {
        throw new RangeError(`WeightEma.copyTo: target has ${target.variables.length} weight tensors, the EMA ${weights.length}.`);
      }
      target.variables.forEach((v, i) => v.assign(weights[i] as tf.Tensor));
    },
    dispose: () => tf.dispose(weights),
  };
}
