import type { Observable } from 'rxjs';
import { type ParticleBatch, type RunContext, cooperative, makeParticleBatch, rangeIds } from '@scoreflow/core';
import { DataFileError } from './data-file-error.js';
import type { RowBlockReader } from './row-block.js';

/** What `emitRowBlocks` needs to know of the file it streams. */
export interface RowBlockFile {
  /** The file, for messages. */
  readonly file: string;
  /** Coordinates per row. */
  readonly dim: number;
  /** Whether the blocks carry labels (and the batches a `label` column). */
  readonly label: boolean;
}

/**
 * Streams the rows of a file as particle batches: ids `0, 1, ...` in file order, batches of
 * `ctx.batchSize` rows (the last one shorter), `step` 0, `t` 0, schema metadata `ctx.metadata`.
 * `ctx.particles` caps the rows read: the reader is asked for at most that many, and stopped
 * once it has given them. A file with fewer rows gives fewer particles (with a warning on
 * `ctx.logger`); one with none is an error.
 *
 * A batch is emitted only when it is full (or the file ends), so an error of the reader (a bad
 * row) ends the stream before the batch holding that row is emitted: never a half-built batch.
 * Batches do not depend on the reader's block sizes. Unsubscribing or aborting `ctx.signal`
 * stops the reading at the next block and releases the file (core's `cooperative`).
 */
export function emitRowBlocks(ctx: RunContext, source: RowBlockFile, read: RowBlockReader): Observable<ParticleBatch> {
  const { file, dim, label } = source;
  const { particles: limit, batchSize, metadata } = ctx;

  return cooperative<ParticleBatch>(ctx.signal, async (emitter) => {
    let first = 0;
    let capacity = Math.min(batchSize, limit);
    let x = new Float32Array(capacity * dim);
    let labels = label ? new Int32Array(capacity) : undefined;
    let filled = 0;

    const emit = (): void => {
      emitter.next(
        makeParticleBatch({ x: x.subarray(0, filled * dim), dim, id: rangeIds(first, filled), step: 0, t: 0, label: labels?.subarray(0, filled), metadata }),
      );
      first += filled;
      filled = 0;
      capacity = Math.min(batchSize, limit - first);
      x = new Float32Array(capacity * dim);
      labels = label ? new Int32Array(capacity) : undefined;
    };

    if (emitter.stopping) return;
    for await (const block of read(limit)) {
      if (emitter.stopping) return;
      for (let offset = 0; offset < block.rows && capacity > 0; ) {
        const n = Math.min(block.rows - offset, capacity - filled);
        x.set(block.x.subarray(offset * dim, (offset + n) * dim), filled * dim);
        if (labels !== undefined && block.labels !== undefined) labels.set(block.labels.subarray(offset, offset + n), filled);
        filled += n;
        offset += n;
        if (filled === capacity) {
          if (emitter.stopping) return;
          emit();
          await emitter.pace();
        }
      }
      if (capacity === 0) break;
      await emitter.pace();
    }
    if (emitter.stopping) return;
    if (filled > 0) emit();
    if (first === 0) throw new DataFileError(file, 'no data rows to read');
    if (first < limit) ctx.logger.warn(`${file}: read all ${first} rows, fewer than the ${limit} particles asked for.`);
  });
}
