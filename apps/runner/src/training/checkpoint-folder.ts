import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type MlpScoreNetwork, type Trainer, type WeightEma, disposeTrainerState, saveNetwork } from '@scoreflow/score-nets';
import { MODEL_JSON, WEIGHTS_BIN, fileCheckpoint } from '@scoreflow/score-nets/node';

/** The checkpoint folder inside a training's output folder. */
export const CHECKPOINT_DIR = 'checkpoint';

/** The checkpoint folder of the output folder `outDir`. */
export const checkpointPath = (outDir: string): string => join(outDir, CHECKPOINT_DIR);

/** Every file `saveCheckpointFolder` may write, relative to the output folder (for its manifest). */
export const checkpointFiles = (): string[] =>
  [CHECKPOINT_DIR, `${CHECKPOINT_DIR}.tmp`, `${CHECKPOINT_DIR}.old`].flatMap((folder) => [`${folder}/${MODEL_JSON}`, `${folder}/${WEIGHTS_BIN}`]);

/**
 * Saves the raw weights, the weight EMA, the trainer state and `metadata` into `folder`
 * (model.json, weights.bin). The files are written into `folder.tmp` first and swapped in by
 * renames, so that an interruption never leaves a half-written checkpoint in `folder`.
 */
export async function saveCheckpointFolder(
  folder: string,
  network: MlpScoreNetwork,
  trainer: Trainer,
  ema: WeightEma,
  metadata: Record<string, unknown>,
): Promise<void> {
  const temporary = `${folder}.tmp`;
  const previous = `${folder}.old`;
  rmSync(temporary, { recursive: true, force: true });
  const state = await trainer.state();
  try {
    await saveNetwork(network, fileCheckpoint(temporary), { trainer: state, ema, metadata });
  } finally {
    disposeTrainerState(state);
  }
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(folder)) renameSync(folder, previous);
  renameSync(temporary, folder);
  rmSync(previous, { recursive: true, force: true });
}
