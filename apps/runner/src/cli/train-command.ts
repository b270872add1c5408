import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigError } from '@scoreflow/core';
import { type BackendName, type TrainerFactory, selectBackend } from '@scoreflow/score-nets';
import { createEngineTrainer } from '../engine/index.js';
import { writeTrainingFiles } from '../engine/checkpoints/index.js';
import { readCheckpointInfo, threadsInWords, trainingFolder, trainingFolderFiles } from '@scoreflow/score-nets/node';
import type { TrainOverrides } from '../config/load-train-config.js';
import { OUTPUT_FILES, claimOutputFolder, liveStatus, outputPath, withTemporaries, writeJsonAtomic } from '../output/index.js';
import { createProgressReporter } from '../progress/progress-reporter.js';
import { scoreflowRegistry } from '../registry.js';
import type { TrainingPlan } from '../training/build-training.js';
import { prepareTraining } from '../training/prepare-training.js';
import { executeTraining, workersFor } from '../training/execute-training.js';
import { TRAINING_PNG } from '../training/render-training.js';
import { trainingMetrics, trainingSummary } from '../training/training-report.js';
import type { Io } from './commands.js';
import { engineOption, replicasOption } from './engine-option.js';
import { exitCodeOf } from './error-exit.js';
import { resumeMismatches } from './resume-check.js';
import { type TrainingStore, openTrainingStore } from './train-store.js';

/** Options of `scoreflow train` (`--seed`, `--set`, `--out`, `--force`, `--resume`) and the abort signal of Ctrl-C. */
export interface TrainCommandOptions extends TrainOverrides {
  readonly out?: string;
  readonly force?: boolean;
  /** Continue from the checkpoint in the output folder; with `--engine`, from the object store's latest under the config's name when the folder has none. */
  readonly resume?: boolean;
  readonly signal?: AbortSignal;
  /** `nats://HOST:PORT`: each step's gradients are computed by `scoreflow worker`s (`createEngineTrainer`). */
  readonly engine?: string;
  /** Gradient shards per step with `--engine` (default 4): the weights depend on it, never on the number of workers. */
  readonly shards?: number;
  /** With `--engine`: the copies a JetStream cluster keeps of the engine's streams and buckets (1 to 5). */
  readonly replicas?: number;
}

/** `--engine` and `--shards` as a trainer factory, for DSM training only; undefined without `--engine`. */
function engineTrainer(plan: TrainingPlan, options: TrainCommandOptions, backend: BackendName): TrainerFactory | undefined {
  if (options.engine === undefined) {
    if (options.shards !== undefined) throw new ConfigError('Invalid --shards', [{ path: '--shards', message: 'only with --engine nats://HOST:PORT' }]);
    return undefined;
  }
  if (plan.config.training.objective === 'classifier' || plan.flow !== undefined) {
    throw new ConfigError('Invalid --engine', [{ path: 'training.objective', message: `--engine trains by denoising score matching only, got objective ${plan.config.training.objective}` }]);
  }
  const engine = engineOption(options.engine);
  const shards = options.shards ?? 4;
  const replicas = replicasOption(options.replicas, engine);
  return (network, sde, trainerOptions) => createEngineTrainer(network, sde, { ...trainerOptions, engine, shards, backend, ...(replicas !== undefined && { replicas }) });
}

/** Checks that the checkpoint `folder` (the output folder's, or one from the object store, named `label`) is of this very training (all but its length). */
function checkResumable(plan: TrainingPlan, folder: string, name?: string): void {
  const label = name ?? folder;
  const info = readCheckpointInfo(folder);
  if ('problem' in info) throw new ConfigError(`--resume: no checkpoint to resume in ${name ?? dirname(folder)}`, [{ path: '--out', message: info.problem }]);
  const saved = info.metadata.config;
  const problems = resumeMismatches(saved, plan.resolved);
  if (problems.length > 0) throw new ConfigError(`--resume: the config differs from the one ${label} was trained with`, problems);
  const steps = plan.config.training.steps;
  if (info.steps !== undefined && info.steps >= steps) {
    throw new ConfigError('--resume: nothing to train', [
      { path: 'training.steps', message: `is ${steps}, and ${label} is at step ${info.steps} already; raise it, e.g. --set training.steps=${info.steps + steps}` },
    ]);
  }
}

/** Trains in the claimed folder `outDir`: metrics.json says `running` (and the last checkpoint's step) until the end. */
async function train(plan: TrainingPlan, outDir: string, options: TrainCommandOptions, io: Io, store?: TrainingStore) {
  const { config } = plan;
  const backend = await selectBackend(config.backend);
  const workers = workersFor(config.training.workers, backend);
  io.err(`backend: ${backend}${workers > 0 ? `, ${threadsInWords(workers)}` : ''}`);
  writeJsonAtomic(outputPath(outDir, 'config'), plan.resolved);
  const live = liveStatus(outputPath(outDir, 'metrics'), 0);
  const startedAt = new Date().toISOString();
  const running = (checkpointStep: number | null) => ({ run: config.name, seed: config.seed, status: 'running', startedAt, updatedAt: new Date().toISOString(), backend, checkpointStep });
  live.write(running(null));
  const trainerFactory = engineTrainer(plan, options, backend);
  if (trainerFactory !== undefined) io.err(`engine: ${options.engine}, ${options.shards ?? 4} gradient shards per step (scoreflow worker --engine ${options.engine})`);
  const result = await executeTraining(plan, outDir, {
    trainerFactory,
    backend,
    progress: io.progress ?? createProgressReporter(process.stderr, 'steps'),
    signal: options.signal,
    onCheckpoint: async (steps) => {
      try {
        await store?.checkpoints.publish(outDir, steps);
      } catch (error) {
        throw new Error(`the checkpoint of step ${steps} is in ${outDir} but not in the object store (${(error as Error).message})`, { cause: error });
      }
      live.update(() => running(steps));
    },
    resume: options.resume === true,
  });
  writeJsonAtomic(outputPath(outDir, 'metrics'), trainingMetrics(plan, result));
  return result;
}

/**
 * `scoreflow train CONFIG`: trains a score network by denoising score matching and writes
 * `checkpoint/` (raw and EMA weights, trainer state, training config), `metrics.json` and
 * `config.resolved.json` into the output folder. With `--engine`, every checkpoint is also put
 * into the engine's object store under the config's name and step (`openTrainingStore`), and
 * `--resume` takes the latest there when the output folder has none. Exit codes: 0 done, 1
 * failed, 2 stopped on bad input (a `ConfigError`, e.g. a checkpoint to resume that cannot be
 * read), 130 interrupted (the checkpoint holds the last finished step: `--resume` continues).
 */
export async function trainCommand(configFile: string, options: TrainCommandOptions, io: Io): Promise<number> {
  const plan = prepareTraining(configFile, options, scoreflowRegistry(), { signal: options.signal, logger: { info: io.err, warn: (m) => io.err(`warning: ${m}`), debug: () => undefined } });
  const { config } = plan;
  const outDir = resolve(options.out ?? `out/${config.name}`);
  if (options.resume === true && options.force === true) {
    throw new ConfigError('--resume and --force', [{ path: '--resume', message: '--resume continues the training in the output folder and --force starts it afresh: give one of them' }]);
  }
  const engine = options.engine === undefined ? undefined : engineOption(options.engine);
  const replicas = replicasOption(options.replicas, engine);
  const check = (folder: string, label?: string) => checkResumable(plan, folder, label);
  // With --engine, the checkpoints also go to the object store; --resume reads the latest there when the folder has none.
  const store =
    engine === undefined ? undefined : await openTrainingStore({ engine, name: config.name, outDir, resume: options.resume === true, force: options.force === true, replicas, check }, io);
  let result: Awaited<ReturnType<typeof executeTraining>>;
  let stored: number | undefined;
  try {
    if (options.resume === true && store?.pulled === undefined) check(trainingFolder(outDir).checkpoint);
    // Locked while training; --force replaces only what an earlier command listed in its manifest.
    const claimed = claimOutputFolder(outDir, {
      mode: options.resume === true ? 'continue' : options.force === true ? 'replace' : 'fresh',
      command: `scoreflow train ${configFile}`,
      files: [...withTemporaries([OUTPUT_FILES.config, OUTPUT_FILES.metrics, TRAINING_PNG]), ...trainingFolderFiles()],
    });
    try {
      if (store?.pulled !== undefined) await writeTrainingFiles(outDir, store.pulled.files);
      if (store !== undefined && options.force === true) await store.checkpoints.remove();
      result = await train(plan, outDir, options, io, store);
    } finally {
      claimed.release();
    }
    stored = (await store?.checkpoints.latest())?.steps;
  } finally {
    await store?.checkpoints.close();
  }
  const folder = trainingFolder(outDir).checkpoint;
  io.out(trainingSummary(plan, result));
  if (existsSync(folder)) io.out(`checkpoint: ${folder}`);
  if (stored !== undefined) io.out(`object store: ${config.name} at step ${stored} (scoreflow checkpoint pull ${config.name} --engine ${engine})`);
  io.out(`output: ${outDir}`);
  if (result.status === 'interrupted') {
    io.err(`Interrupted after step ${result.steps}; the checkpoint holds it: continue with --resume.`);
    return 130;
  }
  if (result.status === 'failed') {
    io.err(`error: training failed after step ${result.steps}: ${result.error?.message}`);
    return exitCodeOf(result.error);
  }
  return 0;
}
