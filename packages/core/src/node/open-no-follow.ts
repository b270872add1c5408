import { constants, openSync, writeSync, writevSync } from 'node:fs';
import { ScoreflowError } from '../errors/scoreflow-error.js';

const { O_CREAT, O_EXCL, O_NOFOLLOW, O_TRUNC, O_WRONLY } = constants;

/**
 * Opens `path` for writing without ever following a symbolic link there (O_NOFOLLOW): a link at
 * `path` is an error naming it, so that nothing is written through it to a file elsewhere.
 * `exclusive` also refuses an existing file (O_EXCL: the file is new).
 */
export function openNoFollow(path: string, exclusive = false): number {
  try {
    return openSync(path, O_WRONLY | O_CREAT | O_NOFOLLOW | (exclusive ? O_EXCL : O_TRUNC), 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') {
      throw new ScoreflowError(`${path} is a symbolic link; scoreflow never writes through one. Remove the link or write elsewhere.`);
    }
    throw error;
  }
}

/** Writes all of `bytes` to `fd` (`writeSync` may write less than asked). */
export function writeAll(fd: number, bytes: Uint8Array): void {
  let offset = 0;
  while (offset < bytes.byteLength) offset += writeSync(fd, bytes, offset, bytes.byteLength - offset);
}

/**
 * Writes `chunks` to `fd` with one `writev` system call when it takes them all (the usual case
 * for a regular file), so that a process killed at any moment leaves either none or all of them.
 */
export function writeChunks(fd: number, chunks: readonly Uint8Array[]): void {
  if (chunks.length === 0) return;
  let written = writevSync(fd, chunks as Uint8Array[]);
  for (const chunk of chunks) {
    if (written >= chunk.byteLength) {
      written -= chunk.byteLength;
    } else {
      writeAll(fd, chunk.subarray(written));
      written = 0;
    }
  }
}
