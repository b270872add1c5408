import type { DataSource } from '@scoreflow/core';
import type { ColumnRef } from '../column-selection.js';
import { emitRowBlocks } from '../emit-row-blocks.js';
import { parquetLayout } from './parquet-layout.js';
import { readParquetMetadata } from './parquet-metadata.js';
import { readParquetRows } from './parquet-rows.js';

/** Parameters of `parquetSource`. */
export interface ParquetSourceOptions {
  /** The Parquet file. */
  readonly path: string;
  /** Numeric coordinate columns, by name or 0-based index; every numeric column but the label by default. */
  readonly columns?: readonly ColumnRef[];
  /** Column of integer labels, if any. */
  readonly label?: ColumnRef;
}

/**
 * Particles from the numeric columns of a Parquet file (hyparquet, pure JS). The footer's
 * metadata is read when the source is created (fixing `dim` and checking the columns);
 * `sample(ctx)` then reads one row group at a time, only the chosen columns, `ctx.particles`
 * capping the rows read. Bad files throw `DataFileError` naming the file, the row (1-based
 * table row) or column, and the problem.
 *
 * @example
 * parquetSource({ path: 'points.parquet', columns: ['x', 'y'], label: 'class' });
 */
export function parquetSource(options: ParquetSourceOptions): DataSource {
  const { path } = options;
  const layout = parquetLayout(path, readParquetMetadata(path), options);
  const dim = layout.coordinates.length;
  return {
    name: 'parquet',
    dim,
    sample: (ctx) => emitRowBlocks(ctx, { file: path, dim, label: layout.label !== undefined }, (limit) => readParquetRows(layout, limit)),
  };
}
