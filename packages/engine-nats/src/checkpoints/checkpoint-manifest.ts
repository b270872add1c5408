/** What a stored checkpoint holds: the training, its step, and the SHA-256 of every file. */
export interface CheckpointManifest {
  /** The training's name (a train config's `name`). */
  readonly name: string;
  /** The step the checkpoint holds. */
  readonly steps: number;
  /** Every file, by its path in the training folder (`checkpoint/weights.bin`, `loss.csv`), with its SHA-256 (hex). */
  readonly files: Readonly<Record<string, string>>;
}

/** A manifest's bytes as JSON, or a `TypeError` naming `object` when they are not one. */
export function parseCheckpointManifest(bytes: Uint8Array, object: string): CheckpointManifest {
  let json: Partial<CheckpointManifest>;
  try {
    json = JSON.parse(Buffer.from(bytes).toString('utf8')) as Partial<CheckpointManifest>;
  } catch (error) {
    throw new TypeError(`${object} is not a checkpoint manifest: ${(error as Error).message}`);
  }
  const files = json?.files;
  if (typeof json?.name !== 'string' || !Number.isSafeInteger(json.steps) || typeof files !== 'object' || files === null || !Object.values(files).every((d) => typeof d === 'string')) {
    throw new TypeError(`${object} is not a checkpoint manifest: expected { name, steps, files: { PATH: SHA256 } }`);
  }
  return json as CheckpointManifest;
}
