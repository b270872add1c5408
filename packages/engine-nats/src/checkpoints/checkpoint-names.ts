const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const FILE = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

/**
 * Checks a training's name in the checkpoint store (a train config's `name`): letters, digits,
 * `.`, `_` and `-`, at most 100 characters, as config names are. `RangeError` otherwise.
 */
export function checkCheckpointName(name: string): string {
  if (!NAME.test(name)) throw new RangeError(`checkpoint name: use letters, digits, ".", "_" and "-" (at most 100), got "${name}"`);
  return name;
}

/** Checks a file's path inside a training folder (`checkpoint/weights.bin`): relative, no `..`, no empty part. */
export function checkCheckpointFile(file: string): string {
  if (!FILE.test(file)) throw new RangeError(`checkpoint file: expected a relative path such as checkpoint/weights.bin, got "${file}"`);
  return file;
}

/**
 * The object names of training `name`'s checkpoints in the bucket: `NAME/step-N/FILE` for each
 * file, `NAME/step-N.json` for step N's manifest (written after its files), `NAME/latest.json`
 * for the last manifest written (written last).
 */
export const checkpointObjects = {
  file: (name: string, steps: number, file: string) => `${name}/step-${steps}/${file}`,
  manifest: (name: string, steps: number) => `${name}/step-${steps}.json`,
  latest: (name: string) => `${name}/latest.json`,
  /** The training and step of a manifest's object name, or undefined for another object. */
  parseManifest(object: string): { name: string; steps: number } | undefined {
    const match = /^([^/]+)\/step-(\d+)\.json$/.exec(object);
    return match === null ? undefined : { name: match[1] as string, steps: Number(match[2]) };
  },
};
