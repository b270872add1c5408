import type { RecordBatch } from 'apache-arrow';
import { readParticleBatches } from '@scoreflow/core/node';
import { DataFileError, quotedReason } from '../data-file-error.js';

/** A record batch of a file and the 0-based table row of its first row. */
export interface PlacedBatch {
  readonly batch: RecordBatch;
  readonly firstRow: number;
}

/**
 * The record batches of an Arrow IPC file or stream, one at a time from disk (core's
 * `readParticleBatches`), each with its place in the table. Arrow's decoding errors become a
 * `DataFileError` naming the file and the first row that could not be read (a truncated file:
 * `unreadable Arrow IPC data (...); is the file truncated?`).
 */
export async function* readArrowBatches(file: string): AsyncGenerator<PlacedBatch> {
  let firstRow = 0;
  const batches = readParticleBatches(file)[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<RecordBatch>;
      try {
        next = await batches.next();
      } catch (error) {
        throw new DataFileError(file, `unreadable Arrow IPC data (${quotedReason(error)}); is the file truncated?`, { row: firstRow + 1 }, { cause: error });
      }
      if (next.done === true) return;
      yield { batch: next.value, firstRow };
      firstRow += next.value.numRows;
    }
  } finally {
    await batches.return?.(undefined);
  }
}
