import { existsSync, renameSync, rmSync } from 'node:fs';
import type { tf } from '../../backend/tf.js';
import { fileCheckpoint } from '../file-checkpoint.js';

/**
 * Replaces `folder` by what `write` puts into `folder.tmp`: the old folder is renamed to
 * `folder.old`, the new one into place, then the old one removed, so that an interruption never
 * leaves a half-written `folder` (at worst a complete `folder.old` or `folder.tmp` beside it).
 */
export async function replaceFolder(folder: string, write: (temporary: string) => Promise<void>): Promise<void> {
  const temporary = `${folder}.tmp`;
  const previous = `${folder}.old`;
  rmSync(temporary, { recursive: true, force: true });
  await write(temporary);
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(folder)) renameSync(folder, previous);
  renameSync(temporary, folder);
  rmSync(previous, { recursive: true, force: true });
}

/**
 * Saves a checkpoint into `folder` (model.json, weights.bin) through `save` (e.g. a
 * `SessionCheckpoint`'s): the files are written into `folder.tmp` first and swapped in by
 * renames (`replaceFolder`), so that an interruption never leaves a half-written checkpoint in `folder`.
 */
export async function saveCheckpointFolder(folder: string, save: (handler: tf.io.IOHandler) => Promise<void>): Promise<void> {
  await replaceFolder(folder, (temporary) => save(fileCheckpoint(temporary)));
}
