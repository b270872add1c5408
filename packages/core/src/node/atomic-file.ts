import { closeSync, fsyncSync, renameSync, rmSync } from 'node:fs';
import { openNoFollow, writeAll } from './open-no-follow.js';

/** A file written beside its final name and moved there in one step (`commit`). */
export interface AtomicFile {
  /** The final path. */
  readonly path: string;
  /** The temporary file written until `commit`: `PATH.tmp`. */
  readonly temporary: string;
  write(bytes: Uint8Array | string): void;
  /** Flushes the file to disk and renames it onto `path` (a link there is replaced, never followed). */
  commit(): void;
  /** Closes and removes the temporary file; `path` is left as it was. */
  abort(): void;
}

/**
 * Opens `PATH.tmp` for writing (a new file: whatever was at that name, a link included, is removed
 * first, never written through). Readers of `path` see the old file or the whole new one, never
 * half of it, even after a crash.
 */
export function createAtomicFile(path: string): AtomicFile {
  const temporary = `${path}.tmp`;
  rmSync(temporary, { force: true });
  const fd = openNoFollow(temporary, true);
  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    closeSync(fd);
  };
  return {
    path,
    temporary,
    write(bytes) {
      writeAll(fd, typeof bytes === 'string' ? Buffer.from(bytes) : bytes);
    },
    commit() {
      try {
        fsyncSync(fd);
      } finally {
        close();
      }
      renameSync(temporary, path);
    },
    abort() {
      close();
      rmSync(temporary, { force: true });
    },
  };
}

/** Writes `content` to `path` through `createAtomicFile`: never half a file, never through a link. */
export function writeFileAtomic(path: string, content: Uint8Array | string): void {
  const file = createAtomicFile(path);
  try {
    file.write(content);
    file.commit();
  } catch (error) {
    file.abort();
    throw error;
  }
}
