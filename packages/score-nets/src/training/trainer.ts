import type { Sde } from '@scoreflow/core';
import { tf } from '../backend/tf.js';
import type { ScoreNetwork } from '../network/mlp.js';
import { type DsmBatch, type Weighting, WEIGHTINGS, drawDsmBatch } from './dsm-batch.js';
import { dsmLoss } from './dsm-loss.js';
import { type OptimizerOptions, type TrainerState, clippedAdam } from './optimizer.js';

export { type TrainerState, disposeTrainerState } from './optimizer.js';

/** Options of the optimiser, of the time sampling and of the weighting; all have defaults. */
export interface TrainerOptions extends OptimizerOptions {
  /** Times are drawn from U[eps, T] (default 1e-3: s(0) = 0 makes the loss singular at t = 0). */
  readonly eps?: number;
  /** lambda(t) of the DSM loss: `s2` (default) or `likelihood` (see `Weighting`). */
  readonly weighting?: Weighting;
  /**
   * Probability of replacing a row's label by the null label, for a conditional network (default
   * 0.1 when the network has classes: classifier-free guidance, Ho & Salimans 2022).
   */
  readonly labelDropout?: number;
  /** Seed of the times, noises and batch indices (default 0). */
  readonly seed?: number;
  /** Continues from a saved `TrainerState` (same network weights, options and seed). */
  readonly resume?: TrainerState;
}

/** One DSM training step on a batch of data; owns an Adam optimiser. */
export interface Trainer {
  /** Steps taken so far. */
  readonly steps: number;
  /** The learning rate of step `step` (0-based) after warm-up. */
  learningRateAt(step: number): number;
  /**
   * Trains on `x0` (row-major, n * dim), with one label per row for a conditional network, and
   * returns the loss before the update.
   */
  step(x0: Float32Array, labels?: Int32Array): Promise<number>;
  /**
   * Whether `step` takes the rows' labels although the network has no classes (a noisy
   * classifier's targets); by default a conditional network's steps take them, others' do not.
   */
  readonly needsLabels?: boolean;
  /** A copy of the state that resumes training (`TrainerOptions.resume`). */
  state(): Promise<TrainerState>;
  dispose(): void;
}

/** The defaults of the trainer's own options (`labelDropout` applies to conditional networks only). */
export const TRAINER_DEFAULTS = { eps: 1e-3, seed: 0, weighting: 's2', labelDropout: 0.1 } as const;

/** The draw settings of a trainer, defaults filled. */
export interface TrainerSettings {
  readonly eps: number;
  readonly seed: number;
  readonly weighting: Weighting;
  readonly labelDropout: number;
}

/** Checks the trainer options shared by every trainer and fills their defaults. */
export function trainerSettings(network: ScoreNetwork, sde: Sde, options: TrainerOptions): TrainerSettings {
  const { eps = TRAINER_DEFAULTS.eps, seed = TRAINER_DEFAULTS.seed, weighting = TRAINER_DEFAULTS.weighting } = options;
  const { labelDropout = network.classes > 0 ? TRAINER_DEFAULTS.labelDropout : 0 } = options;
  if (!(eps > 0 && eps < sde.T)) throw new RangeError(`createTrainer: eps must be in (0, T = ${sde.T}), got ${eps}.`);
  if (!WEIGHTINGS.includes(weighting)) throw new RangeError(`createTrainer: weighting must be one of ${WEIGHTINGS.join(', ')}, got '${weighting}'.`);
  if (!(labelDropout >= 0 && labelDropout < 1)) throw new RangeError(`createTrainer: labelDropout must be in [0, 1), got ${labelDropout}.`);
  return { eps, seed, weighting, labelDropout };
}

/** Draws step `step`'s batch for `x0` (and labels) under the trainer settings; checks the labels. */
export function trainerBatch(network: ScoreNetwork, sde: Sde, settings: TrainerSettings, x0: Float32Array, step: number, labels?: Int32Array): DsmBatch {
  const { classes, dim } = network;
  if (classes > 0 && labels === undefined) throw new RangeError(`Trainer.step: the network has ${classes} classes and needs one label per row.`);
  if (classes === 0 && labels !== undefined) throw new RangeError('Trainer.step: labels were given for a network without classes.');
  labels?.forEach((label) => {
    if (!(label >= 0 && label < classes)) throw new RangeError(`Trainer.step: labels must be in [0, ${classes}), got ${label}.`);
  });
  return drawDsmBatch(sde, x0, dim, { ...settings, step, ...(labels && { labels, nullLabel: classes }) });
}

/**
 * A DSM trainer (Song et al. 2021, eq. 7): each step draws t ~ U[eps, T] and z ~ N(0, I) per
 * row (`drawDsmBatch`), takes the gradient of `dsmLoss`, and applies `clippedAdam`, which keeps
 * a flat copy of the weights taken when the trainer is created: set the network's weights
 * (a checkpoint's, say) before. Every temporary tensor is disposed.
 */
export function createTrainer(network: ScoreNetwork, sde: Sde, options: TrainerOptions = {}): Trainer {
  const settings = trainerSettings(network, sde, options);
  return adamTrainer(network, options, (x0, step, labels) => {
    const batch = trainerBatch(network, sde, settings, x0, step, labels);
    return () => dsmLoss(network, batch);
  });
}

/**
 * The loss of step `step` (0-based) on a batch: called once per step on the host (draws, pairings),
 * it returns the function whose gradient the step takes (tensors only, inside `tf.variableGrads`).
 */
export type StepLoss = (x: Float32Array, step: number, labels?: Int32Array) => () => tf.Scalar;

/**
 * The trainer of any loss: `clippedAdam` over the network's variables (a flat copy of the weights is
 * taken now: set a checkpoint's weights before), the step count, the gradient of `lossOf`'s loss
 * at each step and Adam's update; every temporary tensor is disposed. `createTrainer` (DSM) and
 * the flow-matching trainers are this with their loss.
 */
export function adamTrainer(network: ScoreNetwork, options: Pick<TrainerOptions, 'learningRate' | 'warmup' | 'clipNorm' | 'weightDecay' | 'resume'>, lossOf: StepLoss): Trainer {
  const variables = [...network.variables];
  const adam = clippedAdam(variables, options, options.resume);
  let steps = options.resume?.steps ?? 0;
  return {
    get steps() {
      return steps;
    },
    learningRateAt: adam.learningRateAt,
    async step(x0, labels) {
      const objective = lossOf(x0, steps, labels);
      const flat = tf.tidy(() => {
        const { value, grads } = tf.variableGrads(objective, variables);
        return tf.concat([...variables.map((v) => tf.reshape(grads[v.name] as tf.Tensor, [-1])), tf.reshape(value, [1])]);
      });
      try {
        // One asynchronous read of the gradients and, last, the loss: TF.js's WebGPU backend reads
        // synchronously only through an OffscreenCanvas, which Node lacks and SwiftShader loses the device on.
        const values = new Float32Array((await flat.data()) as Float32Array);
        adam.applyFlat(values.subarray(0, values.length - 1), steps);
        steps += 1;
        return values[values.length - 1] ?? Number.NaN;
      } finally {
        flat.dispose();
      }
    },
    state: () => Promise.resolve(adam.state(steps)),
    dispose: () => adam.dispose(),
  };
}
