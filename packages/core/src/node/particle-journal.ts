import { fsyncSync } from 'node:fs';
import { type ParticleWriter, createParticleWriter } from '../ipc/particle-writer.js';
import { fileParticleWriter } from './file-particle-writer.js';
import { openNoFollow, writeChunks } from './open-no-follow.js';

/** Options of `openParticleJournal`. */
export interface ParticleJournalOptions {
  /** Least time between two `fsync`s, in milliseconds (default 1000); 0 syncs after every batch. */
  readonly syncEveryMs?: number;
}

/**
 * Opens `path` (by convention `NAME.arrows`) as a crash-safe journal of particle batches: the
 * Arrow IPC stream format, each batch handed to the operating system in one `writev` as soon as
 * it is written. A process killed at any moment (SIGKILL) leaves a stream of whole batches that
 * any Arrow stream reader opens (pyarrow's `ipc.open_stream`, polars' `read_ipc_stream`,
 * apache-arrow's `RecordBatchReader`); the data reach the disk at least every `syncEveryMs`, so a
 * power loss costs at most that much. `close()` ends the stream. Never writes through a link.
 */
export function openParticleJournal(path: string, options: ParticleJournalOptions = {}): ParticleWriter & { readonly path: string } {
  const syncEveryMs = options.syncEveryMs ?? 1000;
  const fd = openNoFollow(path);
  let pending: Uint8Array[] = [];
  // Arrow hands over views of the batch's own buffers: they are written before write() returns.
  const writer = createParticleWriter((chunk) => pending.push(chunk), 'stream');
  let synced = performance.now();
  const flush = (force: boolean) => {
    writeChunks(fd, pending);
    pending = [];
    if (force || performance.now() - synced >= syncEveryMs) {
      fsyncSync(fd);
      synced = performance.now();
    }
  };
  return fileParticleWriter(path, fd, writer, { afterWrite: () => flush(false), finish: () => flush(true) });
}
