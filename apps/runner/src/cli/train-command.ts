import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError } from '@scoreflow/core';
import { parseEngineUrl } from '@scoreflow/engine-nats';
import { type BackendName, type TrainerFactory, selectBackend } from '@scoreflow/score-nets';
import { createEngineTrainer } from '../engine/index.js';
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
import { exitCodeOf } from './error-exit.js';
import { resumeMismatches } from './resume-check.js';

/** Options of `scoreflow train` (`--seed`, `--set`, `--out`, `--force`, `--resume`) and the abort signal of Ctrl-C. */
export interface TrainCommandOptions extends TrainOverrides {
  readonly out?: string;
  readonly force?: boolean;
  /** Continue from the checkpoint in the output folder. */
  readonly resume?: boolean;
  readonly signal?: AbortSignal;
  /** `nats://HOST:PORT`: each step's gradients are computed by `scoreflow worker`s (`createEngineTrainer`). */
  readonly engine?: string;
  /** Gradient shards per step with `--engine` (default 4): the weights depend on it, never on the number of workers. */
  readonly shards?: number;
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
  let engine: string;
  try {
    engine = parseEngineUrl(options.engine);
  } catch (error) {
    throw new ConfigError('Invalid --engine', [{ path: '--engine', message: (error as Error).message.replace(/^--engine: /, '') }]);
  }
  const shards = options.shards ?? 4;
  return (network, sde, trainerOptions) => createEngineTrainer(network, sde, { ...trainerOptions, engine, shards, backend });
}

/** Checks that the output folder holds a checkpoint of this very training (all but its length). */
function checkResumable(plan: TrainingPlan, outDir: string): void {
  const folder = trainingFolder(outDir).checkpoint;
  const info = readCheckpointInfo(folder);
  if ('problem' in info) throw new ConfigError(`--resume: no checkpoint to resume in ${outDir}`, [{ path: '--out', message: info.problem }]);
  const saved = info.metadata.config;
  const problems = resumeMismatches(saved, plan.resolved);
  if (problems.length > 0) throw new ConfigError(`--resume: the config differs from the one ${folder} was trained with`, problems);
  const steps = plan.config.training.steps;
  if (info.steps !== undefined && info.steps >= steps) {
    throw new ConfigError('--resume: nothing to train', [
      { path: 'training.steps', message: `is ${steps}, and ${folder} is at step ${info.steps} already; raise it, e.g. --set training.steps=${info.steps + steps}` },
    ]);
  }
}

/** Trains in the claimed folder `outDir`: metrics.json says `running` (and the last checkpoint's step) until the end. */
async function train(plan: TrainingPlan, outDir: string, options: TrainCommandOptions, io: Io) {
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
    onCheckpoint: (steps) => live.update(() => running(steps)),
    resume: options.resume === true,
  });
  writeJsonAtomic(outputPath(outDir, 'metrics'), trainingMetrics(plan, result));
  return result;
}

/**
 * `scoreflow train CONFIG`: trains a score network by denoising score matching and writes
 * `checkpoint/` (raw and EMA weights, trainer state, training config), `metrics.json` and
 * `config.resolved.json` into the output folder. Exit codes: 0 done, 1 failed, 2 stopped on bad
 * input (a `ConfigError`, e.g. a checkpoint to resume that cannot be read), 130 interrupted (the
 * checkpoint holds the last finished step: `--resume` continues).
 */
export async function trainCommand(configFile: string, options: TrainCommandOptions, io: Io): Promise<number> {
  const plan = prepareTraining(configFile, options, scoreflowRegistry(), { signal: options.signal, logger: { info: io.err, warn: (m) => io.err(`warning: ${m}`), debug: () => undefined } });
  const { config } = plan;
  const outDir = resolve(options.out ?? `out/${config.name}`);
  if (options.resume === true && options.force === true) {
    throw new ConfigError('--resume and --force', [{ path: '--resume', message: '--resume continues the training in the output folder and --force starts it afresh: give one of them' }]);
  }
  if (options.resume === true) checkResumable(plan, outDir);
  // Locked while training; --force replaces only what an earlier command listed in its manifest.
  const claimed = claimOutputFolder(outDir, {
    mode: options.resume === true ? 'continue' : options.force === true ? 'replace' : 'fresh',
    command: `scoreflow train ${configFile}`,
    files: [...withTemporaries([OUTPUT_FILES.config, OUTPUT_FILES.metrics, TRAINING_PNG]), ...trainingFolderFiles()],
  });
  let result: Awaited<ReturnType<typeof executeTraining>>;
  try {
    result = await train(plan, outDir, options, io);
  } finally {
    claimed.release();
  }
  const folder = trainingFolder(outDir).checkpoint;
  io.out(trainingSummary(plan, result));
  if (existsSync(folder)) io.out(`checkpoint: ${folder}`);
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
