import type { DataSource } from '@scoreflow/core';
import { type ColumnRef, coordinateColumns, resolveColumn } from '../column-selection.js';
import { emitRowBlocks } from '../emit-row-blocks.js';
import { readCsvFirstRecord } from './csv-first-record.js';
import { type CsvLayout, readCsvRows } from './csv-rows.js';

/** Parameters of `csvSource`. */
export interface CsvSourceOptions {
  /** The CSV file. */
  readonly path: string;
  /** Coordinate columns, by name (with a header) or 0-based index; all but the label by default. */
  readonly columns?: readonly ColumnRef[];
  /** Whether the first record names the columns (and is not data). Defaults to true. */
  readonly header?: boolean;
  /** Cell separator. Defaults to `,`. */
  readonly delimiter?: string;
  /** Column of integer class labels (the batches' `label` column), if any. */
  readonly label?: ColumnRef;
}

/**
 * Particles from the rows of a CSV file: one row is one particle, the chosen columns its
 * coordinates. The first record is read when the source is created, which fixes `dim` and
 * checks the columns; `sample(ctx)` then streams the file (csv-parse over
 * `fs.createReadStream`) without loading it whole, `ctx.particles` capping the rows read
 * (see `emitRowBlocks`). Bad files throw `DataFileError` naming the file, the row (1-based
 * line, the header is row 1) or column, and the problem; at creation for a missing file or
 * column, while streaming for bad rows, before the batch holding the row is emitted.
 *
 * @example
 * const source = csvSource({ path: 'points.csv', columns: ['x', 'y'], label: 'class' });
 * source.dim; // 2
 */
export function csvSource(options: CsvSourceOptions): DataSource {
  const { path, header = true, delimiter = ',' } = options;
  const first = readCsvFirstRecord(path, delimiter);
  const columns = { file: path, names: header ? first : undefined, width: first.length };
  const label = options.label === undefined ? undefined : resolveColumn(columns, options.label);
  const coordinates = coordinateColumns(columns, options.columns, label);
  const layout: CsvLayout = { ...columns, delimiter, header, coordinates, label };
  const dim = coordinates.length;
  return {
    name: 'csv',
    dim,
    sample: (ctx) => emitRowBlocks(ctx, { file: path, dim, label: label !== undefined }, (limit) => readCsvRows(layout, limit)),
  };
}
