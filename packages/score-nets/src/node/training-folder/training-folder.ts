import { join } from 'node:path';
import { loadNetwork } from '../../checkpoint/checkpoint.js';
import type { SessionCheckpoint, TrainingResume } from '../../session/session-options.js';
import { MODEL_JSON, WEIGHTS_BIN, fileCheckpoint } from '../file-checkpoint.js';
import { saveCheckpointFolder } from './checkpoint-folder.js';
import { readLossHistory, writeLossHistory } from './loss-csv.js';

/** The checkpoint folder inside a training's output folder. */
export const CHECKPOINT_DIR = 'checkpoint';

/** The loss history of a training in its output folder. */
export const LOSS_CSV = 'loss.csv';

/** A training's output folder: where a session's checkpoints and loss history go, and come back from. */
export interface TrainingFolder {
  /** The checkpoint folder (`checkpoint/`: model.json, weights.bin). */
  readonly checkpoint: string;
  /** The loss history (`loss.csv`: step,loss,average). */
  readonly lossFile: string;
  /**
   * Saves a session's checkpoint (into `checkpoint.tmp/`, then swapped in by renames) and its
   * loss history: use it as the session's `onCheckpoint`.
   */
  save(checkpoint: SessionCheckpoint): Promise<void>;
  /** The checkpoint (raw weights, EMA, trainer state) and the loss history up to its step, for `trainingSession`'s `resume`. */
  resume(): Promise<TrainingResume>;
}

/**
 * Every file a `TrainingFolder` may write, relative to the output folder, temporaries included
 * (`loss.csv.tmp`, `checkpoint.tmp/`, `checkpoint.old/`): for a manifest of what was written.
 */
export const trainingFolderFiles = (): string[] => [
  LOSS_CSV,
  `${LOSS_CSV}.tmp`,
  ...[CHECKPOINT_DIR, `${CHECKPOINT_DIR}.tmp`, `${CHECKPOINT_DIR}.old`].flatMap((folder) => [`${folder}/${MODEL_JSON}`, `${folder}/${WEIGHTS_BIN}`]),
];

/**
 * The training folder `outDir`: `checkpoint/` and `loss.csv`, written by `save` after every
 * checkpoint of a session and read back by `resume`, so that `trainingSession({ ...,
 * resume: await folder.resume() })` continues an interrupted training bit for bit.
 *
 * @example
 * const folder = trainingFolder('out/two-moons');
 * const session = await trainingSession({ ...options, resume: resuming ? await folder.resume() : undefined });
 * await session.run({ onCheckpoint: (checkpoint) => folder.save(checkpoint) });
 */
export function trainingFolder(outDir: string): TrainingFolder {
  const checkpoint = join(outDir, CHECKPOINT_DIR);
  const lossFile = join(outDir, LOSS_CSV);
  return {
    checkpoint,
    lossFile,
    async save(saved) {
      await saveCheckpointFolder(checkpoint, saved.save);
      writeLossHistory(lossFile, saved.history);
    },
    async resume() {
      const loaded = await loadNetwork(fileCheckpoint(checkpoint), { weights: 'raw' });
      return { checkpoint: loaded, history: readLossHistory(lossFile, loaded.trainer?.steps ?? 0) };
    },
  };
}
