import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@scoreflow/core';
import { CheckpointNotFoundError, type StoredCheckpoint } from '@scoreflow/engine-nats';
import { readCheckpointInfo, trainingFolder } from '@scoreflow/score-nets/node';
import { type EngineCheckpoints, engineCheckpoints, writeTrainingFiles } from '../engine/checkpoints/index.js';
import type { Io } from './commands.js';

/** `scoreflow train --engine`'s checkpoints in the object store, and the one to resume from when the output folder has none. */
export interface TrainingStore {
  readonly checkpoints: EngineCheckpoints;
  /** The latest checkpoint in the store, checked against the config, to write into the output folder once it is claimed. */
  readonly pulled?: StoredCheckpoint;
}

/** How `openTrainingStore` starts. */
export interface TrainingStoreStart {
  readonly engine: string;
  /** The training's name in the store: the config's `name` (`--set name=...` to change it). */
  readonly name: string;
  readonly outDir: string;
  readonly resume: boolean;
  readonly force: boolean;
  readonly replicas?: number;
  /** Checks that a checkpoint folder can resume this training (`checkResumable`); `label` names it in errors. */
  readonly check: (folder: string, label: string) => void;
}

/**
 * Opens the training's checkpoints in the engine's object store before the output folder is
 * claimed, as a user of `scoreflow train --engine` expects:
 * - `--resume` with a checkpoint in the output folder: that one (as without an engine; a note when
 *   the store holds a later step);
 * - `--resume` without one: the store's latest under the config's name, checked against the
 *   config like a local one (in a temporary folder, so that nothing is written into the output
 *   folder before every check passed); a `ConfigError` when there is none in either place;
 * - a fresh training whose name has checkpoints in the store: refused (a `ConfigError`: `--resume`
 *   continues it, `--force` replaces them, `--set name=...` trains under another name).
 */
export async function openTrainingStore(start: TrainingStoreStart, io: Io): Promise<TrainingStore> {
  const checkpoints = await engineCheckpoints(start.engine, start.name, start.replicas === undefined ? {} : { replicas: start.replicas });
  try {
    const latest = await checkpoints.latest();
    const where = `${start.name} in the object store at ${start.engine}`;
    if (!start.resume) {
      if (latest !== undefined && !start.force) {
        throw new ConfigError(`The object store holds checkpoints of ${start.name}`, [
          { path: 'name', message: `${where} is at step ${latest.steps}; --resume continues it, --force replaces its checkpoints, or --set name=OTHER trains under another name` },
        ]);
      }
      return { checkpoints };
    }
    const local = trainingFolder(start.outDir).checkpoint;
    if (existsSync(local)) {
      const info = readCheckpointInfo(local);
      if (latest !== undefined && !('problem' in info) && info.steps !== undefined && latest.steps > info.steps) {
        io.err(`note: resuming from ${local} (step ${info.steps}); ${where} is at step ${latest.steps}: move ${local} away to resume from it`);
      }
      return { checkpoints };
    }
    let pulled: StoredCheckpoint;
    try {
      pulled = await checkpoints.get();
    } catch (error) {
      if (!(error instanceof CheckpointNotFoundError)) throw error;
      throw new ConfigError(`--resume: no checkpoint to resume in ${start.outDir}`, [{ path: '--out', message: `${local} does not exist, and there is no checkpoint of ${where}` }]);
    }
    const scratch = mkdtempSync(join(tmpdir(), 'scoreflow-pulled-'));
    try {
      await writeTrainingFiles(scratch, pulled.files);
      start.check(trainingFolder(scratch).checkpoint, `${start.name} step ${pulled.manifest.steps} in the object store`);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
    io.err(`resuming from ${where}, step ${pulled.manifest.steps} (every SHA-256 checked)`);
    return { checkpoints, pulled };
  } catch (error) {
    await checkpoints.close();
    throw error;
  }
}
