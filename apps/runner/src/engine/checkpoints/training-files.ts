import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '@scoreflow/core/node';
import { CHECKPOINT_DIR, LOSS_CSV, MODEL_JSON, WEIGHTS_BIN, replaceFolder } from '@scoreflow/score-nets/node';

/**
 * The files of a training folder that make a checkpoint, by their path in the folder: what
 * score-nets' `trainingFolder` writes (`checkpoint/model.json`, `checkpoint/weights.bin`: raw
 * and EMA weights, optimiser state, step; `loss.csv`), and all that `--resume` needs to continue
 * bit for bit.
 */
export const TRAINING_CHECKPOINT_FILES: readonly string[] = [`${CHECKPOINT_DIR}/${MODEL_JSON}`, `${CHECKPOINT_DIR}/${WEIGHTS_BIN}`, LOSS_CSV];

/** The checkpoint files of the training folder `outDir`, as it holds them now. */
export function readTrainingFiles(outDir: string): Record<string, Uint8Array> {
  return Object.fromEntries(TRAINING_CHECKPOINT_FILES.map((file) => [file, readFileSync(join(outDir, file))]));
}

/**
 * Writes a checkpoint's files into the training folder `outDir` as score-nets' `trainingFolder`
 * does: `checkpoint/` into `checkpoint.tmp/`, then swapped in by renames (`replaceFolder`), and
 * `loss.csv` through a temporary file. An interruption leaves the old checkpoint or the new one,
 * never half of one. Files other than `TRAINING_CHECKPOINT_FILES` are refused (`RangeError`).
 */
export async function writeTrainingFiles(outDir: string, files: Readonly<Record<string, Uint8Array>>): Promise<void> {
  const names = Object.keys(files).sort();
  const expected = [...TRAINING_CHECKPOINT_FILES].sort();
  if (JSON.stringify(names) !== JSON.stringify(expected)) throw new RangeError(`a training checkpoint holds ${expected.join(', ')}; got ${names.join(', ')}`);
  mkdirSync(outDir, { recursive: true });
  await replaceFolder(join(outDir, CHECKPOINT_DIR), async (temporary) => {
    mkdirSync(temporary, { recursive: true });
    for (const name of names.filter((file) => file.startsWith(`${CHECKPOINT_DIR}/`))) writeFileAtomic(join(temporary, name.slice(CHECKPOINT_DIR.length + 1)), files[name] as Uint8Array);
  });
  writeFileAtomic(join(outDir, LOSS_CSV), files[LOSS_CSV] as Uint8Array);
}
