import { TRAIN_DEFAULTS } from '../training/train.js';

/** Decay of the training loss's moving average (as `train` reports `emaLoss`). */
export const LOSS_DECAY = TRAIN_DEFAULTS.emaDecay;

/** An exponential moving average of the loss, bias-corrected (Kingma & Ba 2015, section 3). */
export interface LossAverage {
  /** The running sum: decay * sum + (1 - decay) * loss. */
  readonly sum: number;
  /** Losses averaged in. */
  readonly count: number;
  /** sum / (1 - decay^count): the average (0 before the first loss). */
  readonly value: number;
}

/** A loss average, empty or continued from a saved one (a checkpoint's metadata `loss`). */
export function lossAverage(saved?: unknown): LossAverage {
  const s = saved as Partial<LossAverage> | undefined;
  if (typeof s?.sum === 'number' && typeof s.count === 'number' && typeof s.value === 'number') return { sum: s.sum, count: s.count, value: s.value };
  return { sum: 0, count: 0, value: 0 };
}

/** `average` with `loss` averaged in. */
export function averageLoss(average: LossAverage, loss: number): LossAverage {
  const sum = LOSS_DECAY * average.sum + (1 - LOSS_DECAY) * loss;
  const count = average.count + 1;
  return { sum, count, value: sum / (1 - Math.pow(LOSS_DECAY, count)) };
}
