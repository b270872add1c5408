import { type ScoreErrorOptions, type ScoreModel, ScoreflowError } from '@scoreflow/core';
import { lastValueFrom, tap } from 'rxjs';
import { saveNetwork } from '../checkpoint/checkpoint.js';
import { EMA_DECAY, type WeightEma, weightEma } from '../ema/weight-ema.js';
import { type BuiltNetwork, networkOf } from '../unet/network-of.js';
import { train } from '../training/train.js';
import { type Trainer, type TrainerOptions, createTrainer, disposeTrainerState } from '../training/trainer.js';
import { type LearnedScoreError, learnedScoreError } from './learned-score-error.js';
import { type LossAverage, averageLoss, lossAverage } from './loss-average.js';
import { type LossHistory, emptyLossHistory } from './loss-history.js';
import type { SessionCheckpoint, SessionHooks, SessionOutcome, TrainingSessionOptions } from './session-options.js';

/** A training in progress: the network, its weight EMA and its loss history, and how to go on. */
export interface TrainingSession {
  /** The network with the raw weights, trained in place (draw it while `run` trains). */
  readonly network: BuiltNetwork;
  /** The EMA of its weights: the weights sampled with (`copyTo` a network). */
  readonly ema: WeightEma;
  /** The step the session started from (the checkpoint's, 0 for a fresh one). */
  readonly resumedFrom: number;
  /** Steps taken so far (from 0). */
  readonly steps: number;
  /** The loss of every step, resumed ones included; grows as `run` trains. */
  readonly history: LossHistory;
  /** The moving average of the loss, continued across resumptions. */
  readonly average: LossAverage;
  /**
   * Trains to the session's `steps` in chunks of `checkpointEvery` steps, calling `onCheckpoint`
   * after each chunk, at the end and after an interruption (once per step reached). Never throws:
   * a failure is the outcome's `error`. Runs once; the trainer is disposed when it ends.
   */
  run(hooks?: SessionHooks): Promise<SessionOutcome>;
  /** The learned-vs-exact score error of the EMA and raw weights (see `learnedScoreError`). */
  scoreError(exact: ScoreModel, options: ScoreErrorOptions): Promise<LearnedScoreError[]>;
  /** Disposes the network, the EMA and (when `run` was not called) the trainer. */
  dispose(): void;
}

const TRAINER_KEYS = ['learningRate', 'warmup', 'clipNorm', 'weightDecay', 'eps', 'weighting', 'labelDropout', 'seed'] as const;

/** The trainer's own options out of the session's (only those given: they may travel to workers). */
function trainerOptionsOf(options: TrainingSessionOptions): TrainerOptions {
  return Object.fromEntries(TRAINER_KEYS.filter((key) => options[key] !== undefined).map((key) => [key, options[key]])) as TrainerOptions;
}

/**
 * Starts a denoising score matching training, fresh or resumed (`options.resume`: the network,
 * its EMA, the trainer state, the loss average and history of a checkpoint), browser-safe: where
 * checkpoints go is the caller's (`SessionHooks.onCheckpoint`; Node's `trainingFolder` writes a
 * checkpoint folder and loss.csv). Every draw depends on (seed, step) only (`train`), so chunks,
 * and sessions resumed from a checkpoint, give the weights of an uninterrupted run bit for bit.
 *
 * @example
 * const session = await trainingSession({ network: { dim: 2 }, sde, data, steps: 2000, checkpointEvery: 500 });
 * const outcome = await session.run({ onStep: (s) => console.log(s.step, s.average) });
 * const errors = await session.scoreError(mixtureScore(mixture, sde), { particles: 4096, fractions: [0.1, 1], run: ctx });
 * session.dispose();
 */
export async function trainingSession(options: TrainingSessionOptions): Promise<TrainingSession> {
  const { sde, data, steps: target, checkpointEvery = target, batchSize, poolSize, seed, signal, resume } = options;
  for (const [field, value] of [['steps', target], ['checkpointEvery', checkpointEvery]] as const) {
    if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`trainingSession: ${field} must be an integer >= 1, got ${value}.`);
  }
  const emaDecay = options.emaDecay ?? EMA_DECAY;
  const emaOptions = { warmup: options.emaWarmup ?? true };
  const makeTrainer = options.createTrainer ?? createTrainer;
  const trainerOptions = trainerOptionsOf(options);
  const network = resume?.checkpoint.network ?? networkOf(options.network);
  const ema = resume?.checkpoint.ema ?? weightEma(network, emaDecay, emaOptions);
  let trainer: Trainer;
  try {
    trainer = await makeTrainer(network, sde, { ...trainerOptions, ...(resume?.checkpoint.trainer && { resume: resume.checkpoint.trainer }) });
  } catch (error) {
    ema.dispose();
    network.dispose();
    throw error;
  } finally {
    if (resume?.checkpoint.trainer) disposeTrainerState(resume.checkpoint.trainer);
  }
  let average = lossAverage(resume?.checkpoint.metadata.loss);
  const history = resume?.history ?? emptyLossHistory();
  const resumedFrom = trainer.steps;
  let ran = false;

  const checkpoint = (): SessionCheckpoint => ({
    steps: trainer.steps,
    history,
    save: async (handler) => {
      const state = await trainer.state();
      try {
        await saveNetwork(network, handler, { trainer: state, ema, metadata: { ...options.metadata, loss: average } });
      } finally {
        disposeTrainerState(state);
      }
    },
  });

  const run = async (hooks: SessionHooks = {}): Promise<SessionOutcome> => {
    if (ran) throw new ScoreflowError('TrainingSession.run: a session runs once; start another with trainingSession.');
    ran = true;
    const save = async () => hooks.onCheckpoint?.(checkpoint());
    const startedAt = performance.now();
    let error: Error | undefined;
    let lastLoss: number | null = null;
    try {
      let saved = -1;
      while (trainer.steps < target && !signal?.aborted) {
        const until = Math.min(target, (Math.floor(trainer.steps / checkpointEvery) + 1) * checkpointEvery);
        const chunk = train(network, sde, data, { steps: until, trainer, ema, batchSize, poolSize, seed, signal }).pipe(
          tap((record) => {
            lastLoss = record.loss;
            average = averageLoss(average, record.loss);
            history.step.push(record.step);
            history.loss.push(record.loss);
            history.average.push(average.value);
            const stepsPerSecond = (record.step - resumedFrom) / Math.max(1e-9, (performance.now() - startedAt) / 1000);
            hooks.onStep?.({ step: record.step, loss: record.loss, average: average.value, stepsPerSecond });
          }),
        );
        await lastValueFrom(chunk, { defaultValue: undefined });
        await save();
        saved = trainer.steps;
      }
      if (saved !== trainer.steps) await save();
    } catch (caught) {
      error = caught instanceof Error ? caught : new Error(String(caught));
    }
    const seconds = (performance.now() - startedAt) / 1000;
    const steps = trainer.steps;
    trainer.dispose();
    const status = error !== undefined ? 'failed' : signal?.aborted && steps < target ? 'interrupted' : 'completed';
    return {
      status,
      ...(error && { error }),
      steps,
      resumedFrom,
      lastLoss,
      loss: average.count === 0 ? null : average.value,
      stepsPerSecond: (steps - resumedFrom) / Math.max(1e-9, seconds),
      seconds,
    };
  };

  return {
    network,
    ema,
    resumedFrom,
    get steps() {
      return trainer.steps;
    },
    history,
    get average() {
      return average;
    },
    run,
    scoreError: (exact, errorOptions) => learnedScoreError(network, ema, exact, data, sde, errorOptions),
    dispose: () => {
      if (!ran) trainer.dispose();
      ema.dispose();
      network.dispose();
    },
  };
}
