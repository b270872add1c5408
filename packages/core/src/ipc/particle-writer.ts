import { RecordBatchFileWriter, RecordBatchStreamWriter, type Schema } from 'apache-arrow';
import { ScoreflowError } from '../errors/scoreflow-error.js';
import type { ParticleBatch } from '../batch/particle-batch.js';
import { CallbackByteSink } from './byte-sink.js';

/** Arrow IPC formats: `file` (random access, with a footer) or `stream` (append-only). */
export type IpcFormat = 'file' | 'stream';

/** Writes particle batches as Arrow IPC, chunk by chunk, to a byte callback. */
export interface ParticleWriter {
  write(batch: ParticleBatch): void;
  /** Finishes the file (the footer of the `file` format, the end-of-stream marker). */
  close(): void;
  /** Batches written so far. */
  readonly batches: number;
}

/**
 * A streaming Arrow IPC writer: every batch goes to `onChunk` as soon as it is written, so that
 * memory does not grow with the number of batches. All batches must share one schema: a batch with
 * other columns (e.g. the `weight` column of a sequential Monte Carlo stage followed by a stage
 * without it) throws a `ScoreflowError` naming both column lists, where Arrow's writer would end
 * the stream and drop every later batch silently.
 */
export function createParticleWriter(onChunk: (chunk: Uint8Array) => void, format: IpcFormat = 'file'): ParticleWriter {
  const writer = format === 'file' ? new RecordBatchFileWriter() : new RecordBatchStreamWriter();
  writer.reset(new CallbackByteSink(onChunk));
  let batches = 0;
  let closed = false;
  let columns: string | undefined;
  return {
    write(batch) {
      if (closed) throw new Error('ParticleWriter: write after close.');
      const these = columnsOf(batch.schema);
      columns ??= these;
      if (these !== columns) {
        throw new ScoreflowError(`ParticleWriter: every batch of one file must have the same columns; the first had (${columns}), this one has (${these}).`);
      }
      writer.write(batch);
      batches++;
    },
    close() {
      if (closed) return;
      closed = true;
      writer.close();
    },
    get batches() {
      return batches;
    },
  };
}

/** The column names and types of a schema, as one string. */
const columnsOf = (schema: Schema): string => schema.fields.map((field) => `${field.name}: ${field.type}`).join(', ');
