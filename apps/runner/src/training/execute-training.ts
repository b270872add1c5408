import {
  type BackendName,
  type LearnedScoreError,
  type SessionOutcome,
  type TrainerFactory,
  createClassifierTrainer,
  createTrainer,
  sdeSignature,
  trainingSession,
} from '@scoreflow/score-nets';
import { autoWorkers, createParallelTrainer, trainingFolder } from '@scoreflow/score-nets/node';
import { join } from 'node:path';
import type { ProgressReporter } from '../progress/progress-reporter.js';
import type { TrainingPlan } from './build-training.js';
import { flowTrainerFactory } from './flow-trainer-factory.js';
import { TRAINING_PNG, renderTraining } from './render-training.js';

/** What a training did: the session's outcome, the backend and workers, and the score error. */
export interface TrainingResult extends SessionOutcome {
  readonly backend: BackendName;
  /** Worker threads that shared each batch with the main thread. */
  readonly workers: number;
  /** The learned (EMA and raw weights) vs exact score error, when the data have an exact score. */
  readonly scoreError?: LearnedScoreError[];
}

/** Worker threads for a training: a count, or `auto` (`autoWorkers`: one per extra core on wasm and cpu, none on tensorflow). */
export function workersFor(workers: number | 'auto', backend: BackendName): number {
  return workers === 'auto' ? autoWorkers(backend) : workers;
}

/** How `executeTraining` starts: fresh, or from the checkpoint in the output folder. */
export interface TrainingStart {
  /** The TensorFlow.js backend, initialised (`selectBackend`). */
  readonly backend: BackendName;
  readonly progress: ProgressReporter;
  readonly signal?: AbortSignal;
  /** Continue from the checkpoint and loss.csv of the output folder (read after the backend is chosen). */
  readonly resume?: boolean;
  /** Called (and awaited) after each checkpoint (and loss.csv) is saved, with the steps it holds (`--engine`: it puts them into the object store). */
  readonly onCheckpoint?: (steps: number) => void | Promise<void>;
  /** Another DSM trainer (`scoreflow train --engine`: `createEngineTrainer`), instead of the serial or thread-parallel one. */
  readonly trainerFactory?: TrainerFactory;
}

/**
 * Trains the plan's network into `outDir` on the selected backend (a score network by DSM, a noisy
 * classifier, or a velocity network by a flow objective: `flowTrainerFactory`; the checkpoint's
 * metadata records the objective, and the SDE's signature for dsm and classifier): score-nets' `trainingSession`
 * (fresh, or resumed from the folder's checkpoint) trains in chunks of `checkpointEvery` steps and
 * its `trainingFolder` saves the checkpoint folder and loss.csv after each chunk, at the end and
 * after an interruption (the signal stops training after the current step); then the score error
 * against the exact score (when the data have one) and `training.png`. Resumed runs give the
 * weights of an uninterrupted run bit for bit.
 */
export async function executeTraining(plan: TrainingPlan, outDir: string, start: TrainingStart): Promise<TrainingResult> {
  const { config, sde, data } = plan;
  const { training } = config;
  const { backend } = start;
  // The data-parallel trainer computes the DSM loss in its workers: a classifier and a flow train in the main thread.
  const { flow } = plan;
  const classifier = training.objective === 'classifier';
  // engine wasm: the DSM gradients on score-nets' WebAssembly SIMD kernels, whatever the backend (`auto`: one worker per extra core).
  const wasm = training.engine === 'wasm';
  const workers = classifier || flow !== undefined ? 0 : workersFor(training.workers, wasm ? 'wasm' : backend);
  const parallel: TrainerFactory = (network, trainerSde, options) => createParallelTrainer(network, trainerSde, { ...options, workers, backend, ...(wasm && { engine: 'wasm' as const }) });
  const serial: TrainerFactory = flow ? await flowTrainerFactory(flow, data.dim, training.poolSize, config.seed) : classifier ? createClassifierTrainer : createTrainer;
  const folder = trainingFolder(outDir);
  const session = await trainingSession({
    network: plan.network,
    sde,
    data,
    steps: training.steps,
    checkpointEvery: training.checkpointEvery,
    batchSize: training.batchSize,
    poolSize: training.poolSize,
    learningRate: training.learningRate,
    warmup: training.warmup,
    clipNorm: training.clipNorm,
    ...(training.weightDecay !== undefined && { weightDecay: training.weightDecay }),
    eps: training.eps,
    weighting: training.weighting,
    labelDropout: training.labelDropout,
    seed: config.seed,
    emaDecay: training.emaDecay,
    emaWarmup: training.emaWarmup,
    createTrainer: start.trainerFactory ?? (workers > 0 || wasm ? parallel : serial),
    metadata: { kind: 'scoreflow-train', objective: training.objective, config: plan.resolved, ...(flow === undefined && { sde: sdeSignature(sde) }), backend },
    signal: start.signal,
    ...(start.resume === true && { resume: await folder.resume() }),
  });
  const { resumedFrom } = session;
  start.progress.start(Math.max(1, training.steps - resumedFrom));
  let outcome: SessionOutcome;
  try {
    outcome = await session.run({
      onStep: (s) => start.progress.update(s.step - resumedFrom, `step ${s.step}/${training.steps} | loss ${s.average.toPrecision(4)} | ${s.stepsPerSecond.toFixed(1)} steps/s`),
      onCheckpoint: async (checkpoint) => {
        await folder.save(checkpoint);
        await start.onCheckpoint?.(checkpoint.steps);
      },
    });
  } finally {
    start.progress.stop();
  }
  let errors: LearnedScoreError[] | undefined;
  try {
    if (plan.exactScore !== undefined && outcome.error === undefined) {
      errors = await session.scoreError(plan.exactScore, { particles: config.scoreError.particles, fractions: config.scoreError.times, run: plan.ctx });
    }
  } finally {
    session.dispose();
  }
  const { history } = session;
  if (history.step.length > 0) await renderTraining(join(outDir, TRAINING_PNG), `${config.name}: ${history.step.at(-1)} steps`, history, errors);
  return { ...outcome, backend, workers, ...(errors && { scoreError: errors }) };
}
