import { createReadStream, fsyncSync, readFileSync } from 'node:fs';
import { RecordBatchReader, type Schema, tableFromIPC, type Table } from 'apache-arrow';
import type { ParticleBatch } from '../batch/particle-batch.js';
import { type IpcFormat, type ParticleWriter, createParticleWriter } from '../ipc/particle-writer.js';
import { fileParticleWriter } from './file-particle-writer.js';
import { openNoFollow, writeAll } from './open-no-follow.js';

/**
 * Opens `path` for writing particle batches as Arrow IPC (`file` format by default), streaming
 * each batch to disk as it is written (`fs.writeSync` per chunk). `close()` writes the footer;
 * call it on interruption too, so that what was written stays readable. A symbolic link at `path`
 * is an error (never written through). For output that must survive a killed process, write a
 * journal (`openParticleJournal`) and turn it into a file at the end (`journalToParticleFile`).
 */
export function openParticleFile(path: string, format: IpcFormat = 'file'): ParticleWriter & { readonly path: string } {
  const fd = openNoFollow(path);
  const writer = createParticleWriter((chunk) => writeAll(fd, chunk), format);
  return fileParticleWriter(path, fd, writer, { finish: () => fsyncSync(fd) });
}

/** Reads a whole Arrow IPC file or stream of particles into a Table. */
export function readParticleTable(path: string): Table {
  return tableFromIPC(readFileSync(path));
}

/**
 * Streams the batches of an Arrow IPC file or stream from disk, without loading it whole.
 * `onSchema` receives the schema before the first batch (a reader's schema is gone once
 * iteration ends).
 */
export async function* readParticleBatches(
  path: string,
  onSchema?: (schema: Schema) => void,
): AsyncGenerator<ParticleBatch> {
  const reader = await RecordBatchReader.from(createReadStream(path, { highWaterMark: 1 << 22 }));
  await reader.open();
  onSchema?.(reader.schema);
  for await (const batch of reader) yield batch;
}
