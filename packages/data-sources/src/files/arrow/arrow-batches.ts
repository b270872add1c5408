import { closeSync, openSync } from 'node:fs';
import { Message, MessageHeader, type RecordBatch, RecordBatchReader, type Schema } from 'apache-arrow';
import { DataFileError, quotedReason } from '../data-file-error.js';
import { accessProblem } from '../file-access.js';
import { readArrowSchema } from './arrow-schema.js';
import { batchShapeProblem } from './batch-shape.js';
import { IpcFrameError, ipcFrames } from './ipc-frames.js';

/** A record batch of a file and the 0-based table row of its first row. */
export interface PlacedBatch {
  readonly batch: RecordBatch;
  readonly firstRow: number;
}

/**
 * The record batches of an Arrow IPC file or stream, one at a time from disk, each with its
 * place in the table. The messages are framed and checked by `ipcFrames` (every length against
 * the file's size) before Arrow's stream reader decodes them, so a truncated or corrupt file
 * ends in an error, never in a wait for bytes that will not come or a loop over a message that
 * is not a batch. A file's messages are read in order between its magic and its footer (the
 * schema from its footer). Errors are `DataFileError`s naming the file, the first row that could
 * not be read and the byte offset of its message: `truncated ...` or `corrupt Arrow IPC message: ...`
 * for a message that cannot be framed or a batch whose buffers do not hold what it says
 * (`batchShapeProblem`), `unreadable Arrow IPC data (...)` for one Arrow cannot decode.
 */
export async function* readArrowBatches(file: string): AsyncGenerator<PlacedBatch> {
  const { format, schema, start, end } = readArrowSchema(file);
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw new DataFileError(file, accessProblem(error), {}, { cause: error });
  }
  // Arrow's byte stream pulls the next message before it decodes the last bytes of a batch: a
  // framing problem is kept until Arrow has read what came before it, then reported.
  let frameError: IpcFrameError | undefined;
  const pending: { readonly byte: number; readonly batch: boolean }[] = [];
  function* frames(): Generator<Uint8Array> {
    if (format === 'file') yield schemaFrame(schema);
    try {
      for (const frame of ipcFrames(fd, start, end)) {
        pending.push({ byte: frame.byte, batch: frame.message.headerType === MessageHeader.RecordBatch });
        yield frame.bytes;
      }
    } catch (error) {
      if (!(error instanceof IpcFrameError)) throw error;
      frameError = error;
    }
  }
  let firstRow = 0;
  try {
    const reader = RecordBatchReader.from(frames());
    for (;;) {
      let next: IteratorResult<RecordBatch>;
      try {
        next = reader.next();
      } catch (error) {
        throw new DataFileError(file, `unreadable Arrow IPC data (${quotedReason(error)})`, { row: firstRow + 1, byte: pending[0]?.byte }, { cause: error });
      }
      if (next.done === true) {
        if (frameError === undefined) return;
        throw new DataFileError(file, frameError.problem, { row: firstRow + 1, byte: frameError.byte }, { cause: frameError });
      }
      const shape = batchShapeProblem(next.value);
      if (shape !== undefined) throw new DataFileError(file, `corrupt Arrow IPC message: ${shape}`, { row: firstRow + 1, byte: pending.find((frame) => frame.batch)?.byte });
      // The messages up to this batch's are read.
      const batchAt = pending.findIndex((frame) => frame.batch);
      pending.splice(0, batchAt + 1);
      yield { batch: next.value, firstRow };
      firstRow += next.value.numRows;
    }
  } finally {
    closeSync(fd);
  }
}

/** An encapsulated schema message (marker, length, metadata padded to 8 bytes), to start a stream. */
function schemaFrame(schema: Schema): Uint8Array {
  const metadata = Message.encode(Message.from(schema));
  const length = (metadata.length + 7) & ~7;
  const bytes = new Uint8Array(8 + length);
  const view = new DataView(bytes.buffer);
  view.setInt32(0, -1, true);
  view.setInt32(4, length, true);
  bytes.set(metadata, 8);
  return bytes;
}
