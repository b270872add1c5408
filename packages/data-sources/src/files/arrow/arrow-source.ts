import type { DataSource } from '@scoreflow/core';
import type { ColumnRef } from '../column-selection.js';
import { emitRowBlocks } from '../emit-row-blocks.js';
import { DataFileError, quotedReason } from '../data-file-error.js';
import { type ArrowLayout, arrowLayout } from './arrow-layout.js';
import { readArrowRows } from './arrow-rows.js';
import { readArrowSchema } from './arrow-schema.js';

/** Parameters of `arrowSource`. */
export interface ArrowSourceOptions {
  /** The Arrow IPC file or stream. */
  readonly path: string;
  /** Numeric coordinate columns, by name or 0-based index. Unset: a particle file's `x`, else every numeric column. */
  readonly columns?: readonly ColumnRef[];
  /** Column of integer labels. Defaults to a particle file's `label` column, where it has one. */
  readonly label?: ColumnRef;
  /** The snapshot step of a particle file to read. Defaults to the largest step in the file. */
  readonly step?: number;
}

/**
 * Particles from an Arrow IPC file or stream (told apart by the magic bytes "ARROW1"): either
 * a particle file that scoreflow wrote (its `x` column gives the coordinates, one snapshot
 * `step` is picked: by default the largest, which costs a first pass over the file) or plain
 * numeric columns (`columns`). The schema is read when the source is created (fixing `dim`
 * and checking the columns); `sample(ctx)` then streams the record batches one at a time
 * (core's `readParticleBatches`), `ctx.particles` capping the rows read, ids renumbered
 * `0, 1, ...` in file order. Bad files throw `DataFileError` naming the file, the row
 * (1-based table row) or column, and the problem.
 *
 * @example
 * arrowSource({ path: 'run/particles.arrow' });             // the last snapshot of a run
 * arrowSource({ path: 'table.arrow', columns: ['u', 'v'] }); // two numeric columns
 */
export function arrowSource(options: ArrowSourceOptions): DataSource {
  const { path } = options;
  const { schema, start, end } = readArrowSchema(path);
  let layout: ArrowLayout;
  try {
    layout = arrowLayout(path, schema, options, end - start);
  } catch (error) {
    // A damaged schema (a field without its type, a list without its item) is no schema.
    if (error instanceof DataFileError) throw error;
    throw new DataFileError(path, `unreadable Arrow IPC schema (${quotedReason(error)})`, {}, { cause: error });
  }
  const { dim } = layout;
  return {
    name: 'arrow',
    dim,
    sample: (ctx) => emitRowBlocks(ctx, { file: path, dim, label: layout.label !== undefined }, (limit) => readArrowRows(layout, limit)),
  };
}
