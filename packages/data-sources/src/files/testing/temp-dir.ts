import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh temporary folder for a test's files (test helper). */
export interface TempDir {
  readonly dir: string;
  /** The path of `name` in the folder. */
  path(name: string): string;
  /** Writes `content` to `name` in the folder and returns its path. */
  write(name: string, content: string | Uint8Array): string;
  /** Deletes the folder and everything in it. */
  remove(): void;
}

/** Creates a temporary folder under the system's temp dir (test helper). */
export function tempDir(prefix = 'scoreflow-data-'): TempDir {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    path: (name) => join(dir, name),
    write(name, content) {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
