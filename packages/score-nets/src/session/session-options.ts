import type { DataSource, Sde } from '@scoreflow/core';
import type { tf } from '../backend/tf.js';
import type { LoadedCheckpoint } from '../checkpoint/checkpoint.js';
import type { BuiltNetwork, NetworkOptions } from '../unet/network-of.js';
import type { Trainer, TrainerOptions } from '../training/trainer.js';
import type { LossHistory } from './loss-history.js';

/** Creates the trainer of a session: `createTrainer`, or another `Trainer` (Node's data-parallel one). */
export type TrainerFactory = (network: BuiltNetwork, sde: Sde, options: TrainerOptions) => Trainer | Promise<Trainer>;

/** Where a session continues from: a checkpoint loaded with `{ weights: 'raw' }` and its loss history. */
export interface TrainingResume {
  readonly checkpoint: LoadedCheckpoint;
  /** The loss of every step up to the checkpoint's (empty when absent). */
  readonly history?: LossHistory;
}

/** Options of `trainingSession`: the trainer's (learning rate, warm-up, ..., seed) and the session's own. */
export interface TrainingSessionOptions extends Omit<TrainerOptions, 'resume'> {
  /** The network of a fresh session (a resumed one takes the checkpoint's). */
  readonly network: NetworkOptions;
  readonly sde: Sde;
  readonly data: DataSource;
  /** Total steps: a resumed session trains from the checkpoint's step to this. */
  readonly steps: number;
  /** Steps between checkpoints (default `steps`: one at the end). One is also taken on interruption. */
  readonly checkpointEvery?: number;
  /** Rows per step (`train`'s default 512). */
  readonly batchSize?: number;
  /** Particles drawn once from the data, then sampled with replacement (`train`'s default 65,536). */
  readonly poolSize?: number;
  /** Decay of the weight EMA, the weights sampled with (default 0.999). */
  readonly emaDecay?: number;
  /** Warm the EMA's decay up (`weightEma`'s `warmup`, default true). */
  readonly emaWarmup?: boolean;
  /** Creates the trainer (default `createTrainer`). */
  readonly createTrainer?: TrainerFactory;
  /** Continue from a checkpoint (see `TrainingResume`). */
  readonly resume?: TrainingResume;
  /** Saved with every checkpoint; the session adds `loss` (its `LossAverage`). */
  readonly metadata?: Readonly<Record<string, unknown>>;
  /** Stops training after the current step; a checkpoint is then taken. */
  readonly signal?: AbortSignal;
}

/** One training step, as a session reports it. */
export interface SessionStep {
  /** Steps done (1-based, counted from 0 across resumptions). */
  readonly step: number;
  /** DSM loss of this step's batch. */
  readonly loss: number;
  /** The bias-corrected moving average of the loss (`LossAverage`), continued across resumptions. */
  readonly average: number;
  /** Steps per second of this session so far (checkpoints included). */
  readonly stepsPerSecond: number;
}

/** A checkpoint of a session: what it holds, and how to save it. */
export interface SessionCheckpoint {
  /** The step it holds. */
  readonly steps: number;
  /** The loss of every step up to it. */
  readonly history: LossHistory;
  /**
   * Saves the raw weights, the weight EMA, the trainer state and the metadata (with `loss`)
   * through a tf.io handler (`fileCheckpoint` in Node, a browser store in a page).
   */
  save(handler: tf.io.IOHandler): Promise<void>;
}

/** What a session's `run` is told of as it goes. */
export interface SessionHooks {
  /** After every step. */
  readonly onStep?: (step: SessionStep) => void;
  /** After every `checkpointEvery` steps, at the end and after an interruption; training waits for it. */
  readonly onCheckpoint?: (checkpoint: SessionCheckpoint) => void | Promise<void>;
}

/** What a session's `run` did. */
export interface SessionOutcome {
  /** `failed` when a step or a checkpoint threw, `interrupted` when the signal stopped it early. */
  readonly status: 'completed' | 'interrupted' | 'failed';
  readonly error?: Error;
  /** Steps taken in all (from 0, resumed ones included). */
  readonly steps: number;
  /** The step it resumed from (0 for a fresh one). */
  readonly resumedFrom: number;
  /** Loss of the last step of this run, and the moving average (null before any step). */
  readonly lastLoss: number | null;
  readonly loss: number | null;
  /** Steps per second of this run (checkpoints included). */
  readonly stepsPerSecond: number;
  readonly seconds: number;
}
