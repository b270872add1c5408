import {
  type BackendName,
  type LoadedCheckpoint,
  type MlpScoreNetwork,
  type Trainer,
  type WeightEma,
  createTrainer,
  disposeTrainerState,
  mlpScoreNetwork,
  networkScore,
  sdeSignature,
  train,
  weightEma,
} from '@scoreflow/score-nets';
import { autoWorkers, createParallelTrainer } from '@scoreflow/score-nets/node';
import { join } from 'node:path';
import { lastValueFrom, tap } from 'rxjs';
import type { ProgressReporter } from '../progress/progress-reporter.js';
import type { TrainingPlan } from './build-training.js';
import { checkpointPath, saveCheckpointFolder } from './checkpoint-folder.js';
import { type LossAverage, averageLoss, lossAverage } from './loss-average.js';
import { LOSS_CSV, type LossHistory, emptyLossHistory, readLossHistory, writeLossHistory } from './loss-history.js';
import { TRAINING_PNG, renderTraining } from './render-training.js';
import { type ScoreErrorAt, scoreError } from './score-error.js';

/** What a training did. */
export interface TrainingResult {
  readonly status: 'completed' | 'interrupted' | 'failed';
  readonly error?: Error;
  readonly backend: BackendName;
  /** Worker threads that shared each batch with the main thread. */
  readonly workers: number;
  /** Steps taken in all (from 0, resumed ones included). */
  readonly steps: number;
  /** The step this run resumed from (0 for a fresh one). */
  readonly resumedFrom: number;
  /** Loss of the last step, and its exponential moving average (decay 0.98, bias-corrected). */
  readonly lastLoss: number | null;
  readonly loss: number | null;
  /** Steps per second of this run (checkpoint saves included). */
  readonly stepsPerSecond: number;
  readonly seconds: number;
  /** The learned (EMA and raw weights) vs exact score error, when the data have an exact score. */
  readonly scoreError?: ScoreErrorAt[];
}

/** Worker threads for a training: a count, or `auto` (`autoWorkers`: one per extra core on wasm and cpu, none on tensorflow). */
export function workersFor(workers: number | 'auto', backend: BackendName): number {
  return workers === 'auto' ? autoWorkers(backend) : workers;
}

/** How `executeTraining` starts: fresh, or from a checkpoint loaded with `{ weights: 'raw' }`. */
export interface TrainingStart {
  /** The TensorFlow.js backend, initialised (`selectBackend`). */
  readonly backend: BackendName;
  readonly progress: ProgressReporter;
  readonly signal?: AbortSignal;
  /** Loads the checkpoint to resume from (after the backend is chosen). */
  readonly resume?: () => Promise<LoadedCheckpoint>;
  /** Called after each checkpoint (and loss.csv) is saved, with the steps it holds. */
  readonly onCheckpoint?: (steps: number) => void;
}

/**
 * Trains the plan's network into `outDir` on the selected backend: creates (or resumes) the network,
 * its weight EMA and the trainer, trains in chunks of `checkpointEvery` steps and saves the
 * checkpoint folder and the loss history (`loss.csv`) after each chunk, at the end and after an
 * interruption (the signal stops training after the current step), then draws `training.png`. Every draw depends on (seed, step) only, so chunks, and runs
 * resumed from a checkpoint, give the weights of an uninterrupted run bit for bit.
 */
export async function executeTraining(plan: TrainingPlan, outDir: string, start: TrainingStart): Promise<TrainingResult> {
  const { config, sde, data } = plan;
  const { training } = config;
  const { backend } = start;
  let network: MlpScoreNetwork;
  let ema: WeightEma;
  let trainer: Trainer;
  let average: LossAverage = lossAverage();
  const trainerOptions = {
    learningRate: training.learningRate,
    warmup: training.warmup,
    clipNorm: training.clipNorm,
    eps: training.eps,
    weighting: training.weighting,
    labelDropout: training.labelDropout,
    seed: config.seed,
  };
  const workers = workersFor(training.workers, backend);
  const emaOptions = { warmup: training.emaWarmup };
  const trainerOf = (options: Parameters<typeof createTrainer>[2]): Promise<Trainer> | Trainer =>
    workers > 0 ? createParallelTrainer(network, sde, { ...options, workers, backend }) : createTrainer(network, sde, options);
  if (start.resume) {
    const loaded = await start.resume();
    network = loaded.network;
    ema = loaded.ema ?? weightEma(network, training.emaDecay, emaOptions);
    try {
      trainer = await trainerOf({ ...trainerOptions, ...(loaded.trainer && { resume: loaded.trainer }) });
    } finally {
      if (loaded.trainer) disposeTrainerState(loaded.trainer);
    }
    average = lossAverage(loaded.metadata.loss);
  } else {
    network = mlpScoreNetwork(plan.network);
    ema = weightEma(network, training.emaDecay, emaOptions);
    trainer = await trainerOf(trainerOptions);
  }
  const resumedFrom = trainer.steps;
  const folder = checkpointPath(outDir);
  const lossFile = join(outDir, LOSS_CSV);
  const history: LossHistory = start.resume ? readLossHistory(lossFile, resumedFrom) : emptyLossHistory();
  const save = async () => {
    await saveCheckpointFolder(folder, network, trainer, ema, { kind: 'scoreflow-train', config: plan.resolved, sde: sdeSignature(sde), backend, loss: average });
    writeLossHistory(lossFile, history);
    start.onCheckpoint?.(trainer.steps);
  };
  const startedAt = performance.now();
  let error: Error | undefined;
  let lastLoss: number | null = null;
  start.progress.start(Math.max(1, training.steps - resumedFrom));
  try {
    let saved = -1;
    while (trainer.steps < training.steps && !start.signal?.aborted) {
      const until = Math.min(training.steps, (Math.floor(trainer.steps / training.checkpointEvery) + 1) * training.checkpointEvery);
      const chunk = train(network, sde, data, {
        steps: until,
        trainer,
        ema,
        batchSize: training.batchSize,
        poolSize: training.poolSize,
        seed: config.seed,
        signal: start.signal,
      }).pipe(
        tap((record) => {
          lastLoss = record.loss;
          average = averageLoss(average, record.loss);
          history.step.push(record.step);
          history.loss.push(record.loss);
          history.average.push(average.value);
          const rate = (record.step - resumedFrom) / Math.max(1e-9, (performance.now() - startedAt) / 1000);
          start.progress.update(record.step - resumedFrom, `step ${record.step}/${training.steps} | loss ${average.value.toPrecision(4)} | ${rate.toFixed(1)} steps/s`);
        }),
      );
      await lastValueFrom(chunk, { defaultValue: undefined });
      await save();
      saved = trainer.steps;
    }
    if (saved !== trainer.steps) await save();
  } catch (caught) {
    error = caught instanceof Error ? caught : new Error(String(caught));
  } finally {
    start.progress.stop();
  }
  const seconds = (performance.now() - startedAt) / 1000;
  const steps = trainer.steps;
  trainer.dispose();
  let errors: ScoreErrorAt[] | undefined;
  if (plan.exactScore !== undefined && error === undefined) {
    const sampling = mlpScoreNetwork(network.options);
    ema.copyTo(sampling);
    errors = await scoreError({ ema: networkScore(sampling, sde), raw: networkScore(network, sde) }, plan.exactScore, data, sde, {
      particles: config.scoreError.particles,
      fractions: config.scoreError.times,
      run: plan.ctx,
    });
    sampling.dispose();
  }
  ema.dispose();
  network.dispose();
  if (history.step.length > 0) await renderTraining(join(outDir, TRAINING_PNG), `${config.name}: ${history.step.at(-1)} steps`, history, errors);
  const status = error !== undefined ? 'failed' : start.signal?.aborted && steps < training.steps ? 'interrupted' : 'completed';
  return {
    status,
    ...(error && { error }),
    backend,
    workers,
    steps,
    resumedFrom,
    lastLoss,
    loss: average.count === 0 ? null : average.value,
    stepsPerSecond: (steps - resumedFrom) / Math.max(1e-9, seconds),
    seconds,
    ...(errors && { scoreError: errors }),
  };
}
