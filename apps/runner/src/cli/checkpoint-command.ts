import { resolve } from 'node:path';
import { ConfigError } from '@scoreflow/core';
import { CheckpointNotFoundError, checkCheckpointName, checkpointStore, connectEngine } from '@scoreflow/engine-nats';
import { trainingFolder, trainingFolderFiles } from '@scoreflow/score-nets/node';
import { engineCheckpoints, writeTrainingFiles } from '../engine/checkpoints/index.js';
import { claimOutputFolder } from '../output/index.js';
import type { Io } from './commands.js';
import { engineOption } from './engine-option.js';

/** What `scoreflow checkpoint pull` takes. */
export interface CheckpointPullOptions {
  /** `nats://HOST:PORT`. */
  readonly engine: string;
  /** The step to fetch (default: the latest). */
  readonly step?: number;
  /** The training folder to write (default `out/NAME`). */
  readonly out?: string;
  /** Replace the files of an earlier scoreflow command in it. */
  readonly force?: boolean;
}

/** A training's name as a command-line argument: bad input (exit code 2) unless it is a config name. */
function checkpointName(name: string): string {
  try {
    return checkCheckpointName(name);
  } catch (error) {
    throw new ConfigError('Invalid checkpoint name', [{ path: '<name>', message: (error as Error).message.replace(/^checkpoint name: /, '') }]);
  }
}

/**
 * `scoreflow checkpoint pull NAME --engine URL [--step N] [--out DIR] [--force]`: fetches
 * training NAME's checkpoint (the latest, or step N) from the engine's object store, checks every
 * file's SHA-256, and writes it as a training folder: `DIR/checkpoint/` (model.json,
 * weights.bin; written beside and swapped in) and `DIR/loss.csv`. A run config's network score
 * then reads `checkpoint: DIR/checkpoint`, and `scoreflow train CONFIG --resume --out DIR`
 * continues the training. Exit codes: 0 done, 1 a corrupted object (the error names it), 2 bad
 * input or no such checkpoint.
 */
export async function checkpointPullCommand(name: string, options: CheckpointPullOptions, io: Io): Promise<number> {
  checkpointName(name);
  const engine = engineOption(options.engine);
  const outDir = resolve(options.out ?? `out/${name}`);
  const checkpoints = await engineCheckpoints(engine, name);
  try {
    let pulled;
    try {
      pulled = await checkpoints.get(options.step);
    } catch (error) {
      if (error instanceof CheckpointNotFoundError) throw new ConfigError(`No checkpoint to pull from ${engine}`, [{ path: options.step === undefined ? '<name>' : '--step', message: error.message }]);
      throw error;
    }
    const claimed = claimOutputFolder(outDir, { mode: options.force === true ? 'replace' : 'fresh', command: `scoreflow checkpoint pull ${name}`, files: trainingFolderFiles() });
    try {
      await writeTrainingFiles(outDir, pulled.files);
    } finally {
      claimed.release();
    }
    io.out(`${name} step ${pulled.manifest.steps}: ${Object.keys(pulled.files).length} files, every SHA-256 checked`);
    io.out(`checkpoint: ${trainingFolder(outDir).checkpoint}`);
    return 0;
  } finally {
    await checkpoints.close();
  }
}

/**
 * `scoreflow checkpoint list --engine URL`: every training with checkpoints in the engine's
 * object store, a line each: its name, its steps, and the latest.
 */
export async function checkpointListCommand(options: { readonly engine: string }, io: Io): Promise<number> {
  const nc = await connectEngine(engineOption(options.engine), 'scoreflow checkpoint list');
  try {
    const listings = await (await checkpointStore(nc)).list();
    if (listings.length === 0) io.err(`no checkpoints in the object store at ${options.engine}`);
    for (const { name, steps, latest } of listings) io.out(`${name}: steps ${steps.join(', ')}${latest === undefined ? '' : `; latest ${latest}`}`);
    return 0;
  } finally {
    await nc.close();
  }
}
