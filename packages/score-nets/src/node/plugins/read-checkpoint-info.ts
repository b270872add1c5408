import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKPOINT_FORMAT, type ScoreNetTopology } from '../../checkpoint/index.js';
import type { MlpOptions } from '../../network/index.js';
import type { UnetOptions } from '../../unet/unet-options.js';

/** A checkpoint's network options as read: an MLP's or a U-Net's (which has no `outputs`: it is never a classifier), with its `dim`. */
export type CheckpointOptions = (MlpOptions | (UnetOptions & { readonly outputs?: undefined })) & { readonly dim: number };
import { MODEL_JSON, WEIGHTS_BIN } from '../file-checkpoint.js';

/** What a checkpoint folder's model.json says, read without loading a weight. */
export interface CheckpointInfo {
  readonly folder: string;
  /** The network's options (its `dim` among them). */
  readonly options: CheckpointOptions;
  /** `userDefinedMetadata.metadata` (e.g. the training config). */
  readonly metadata: Record<string, unknown>;
  /** Whether it holds EMA weights. */
  readonly hasEma: boolean;
  /** Training steps taken, when it holds a trainer state. */
  readonly steps?: number;
}

/**
 * Reads `folder/model.json` synchronously and checks that it is a scoreflow score-net checkpoint
 * (format, an mlp or unet topology with an integer `dim`, its weights file present). Returns what it says,
 * or a problem in words (`folder not found`, `model.json is not a scoreflow score-net checkpoint
 * (format 'layers-model')`, ...) for the caller to report against its option.
 */
export function readCheckpointInfo(folder: string): CheckpointInfo | { readonly problem: string } {
  if (!existsSync(folder)) return { problem: `folder not found: ${folder} (train one with 'scoreflow train CONFIG')` };
  if (!statSync(folder).isDirectory()) return { problem: `${folder} is a file; give the checkpoint folder (holding ${MODEL_JSON} and ${WEIGHTS_BIN})` };
  const file = join(folder, MODEL_JSON);
  let json: { format?: unknown; modelTopology?: Partial<ScoreNetTopology>; weightsManifest?: { paths?: string[] }[]; userDefinedMetadata?: Record<string, unknown> };
  try {
    json = JSON.parse(readFileSync(file, 'utf8')) as typeof json;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { problem: code === 'ENOENT' ? `${folder} holds no ${MODEL_JSON}: not a checkpoint folder` : `cannot read ${file} (${code ?? (error as Error).message})` };
  }
  const options = json.modelTopology?.options;
  if (json.format !== CHECKPOINT_FORMAT || (json.modelTopology?.type !== 'mlp' && json.modelTopology?.type !== 'unet') || !Number.isSafeInteger(options?.dim) || (options?.dim ?? 0) < 1) {
    return { problem: `${file} is not a scoreflow score-net checkpoint (expected format '${CHECKPOINT_FORMAT}' with an mlp or unet topology, got format '${String(json.format)}')` };
  }
  for (const path of (json.weightsManifest ?? []).flatMap((group) => group.paths ?? [])) {
    if (!existsSync(join(folder, path))) return { problem: `${folder} lacks ${path}, the weights that ${MODEL_JSON} names` };
  }
  const user = json.userDefinedMetadata ?? {};
  const trainer = user.trainer as { steps?: number } | undefined;
  return {
    folder,
    options: options as CheckpointOptions,
    metadata: (user.metadata ?? {}) as Record<string, unknown>,
    hasEma: user.ema !== undefined,
    ...(typeof trainer?.steps === 'number' && { steps: trainer.steps }),
  };
}
