import { closeSync, createReadStream, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { RecordBatchReader, type Schema, tableFromIPC, type Table } from 'apache-arrow';
import type { ParticleBatch } from '../batch/particle-batch.js';
import { type IpcFormat, type ParticleWriter, createParticleWriter } from '../ipc/particle-writer.js';

/**
 * Opens `path` for writing particle batches as Arrow IPC (`file` format by default), streaming
 * each batch to disk as it is written (`fs.writeSync` per chunk). `close()` writes the footer;
 * call it on interruption too, so that what was written stays readable.
 */
export function openParticleFile(path: string, format: IpcFormat = 'file'): ParticleWriter & { readonly path: string } {
  const fd = openSync(path, 'w');
  let open = true;
  const writer = createParticleWriter((chunk) => {
    let offset = 0;
    while (offset < chunk.byteLength) offset += writeSync(fd, chunk, offset, chunk.byteLength - offset);
  }, format);
  return {
    path,
    write: (batch) => writer.write(batch),
    close() {
      if (!open) return;
      open = false;
      try {
        writer.close();
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    },
    get batches() {
      return writer.batches;
    },
  };
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
