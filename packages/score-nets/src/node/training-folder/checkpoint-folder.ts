import { existsSync, renameSync, rmSync } from 'node:fs';
import type { tf } from '../../backend/tf.js';
import { fileCheckpoint } from '../file-checkpoint.js';

/**
 * Saves a checkpoint into `folder` (model.json, weights.bin) through `save` (e.g. a
 * `SessionCheckpoint`'s): the files are written into `folder.tmp` first and swapped in by
 * renames, so that an interruption never leaves a half-written checkpoint in `folder`.
 */
export async function saveCheckpointFolder(folder: string, save: (handler: tf.io.IOHandler) => Promise<void>): Promise<void> {
  const temporary = `${folder}.tmp`;
  const previous = `${folder}.old`;
  rmSync(temporary, { recursive: true, force: true });
  await save(fileCheckpoint(temporary));
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(folder)) renameSync(folder, previous);
  renameSync(temporary, folder);
  rmSync(previous, { recursive: true, force: true });
}
