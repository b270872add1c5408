import { lstatSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

/** The file in an output folder that lists what scoreflow wrote there. */
export const MANIFEST_FILE = '.scoreflow-manifest.json';

/** What a manifest holds: the command that wrote the folder and every file it may have written. */
export interface RunManifest {
  readonly command: string;
  /** Paths relative to the folder, `/`-separated (`metrics.json`, `checkpoint/model.json`). */
  readonly files: readonly string[];
}

/** A path inside the folder: relative, no `..`, no empty or `.` parts. */
const isInsidePath = (path: string): boolean =>
  path !== '' && !posix.isAbsolute(path) && !path.includes('\\') && path.split('/').every((part) => part !== '' && part !== '.' && part !== '..');

/**
 * The manifest of the output folder `dir`, or undefined when there is none (or it is not a plain
 * file scoreflow could have written). Paths that would leave the folder are dropped.
 */
export function readManifest(dir: string): RunManifest | undefined {
  const path = join(dir, MANIFEST_FILE);
  try {
    if (!lstatSync(path).isFile()) return undefined;
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<RunManifest>;
    if (!Array.isArray(parsed.files)) return undefined;
    return { command: String(parsed.command ?? ''), files: parsed.files.filter((file): file is string => typeof file === 'string' && isInsidePath(file)) };
  } catch {
    return undefined;
  }
}
