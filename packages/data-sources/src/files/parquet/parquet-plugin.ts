import { z } from 'zod';
import { filePlugin } from '../file-plugin.js';
import { columnRefOption, columnsOption } from '../column-options.js';
import { parquetSource } from './parquet-source.js';

/**
 * Options of the `parquet` data source: `path` (the file), `columns` (numeric columns by name
 * or 0-based index; every numeric column but the label by default), `label` (an integer
 * column, optional).
 */
export const parquetOptions = z.strictObject({
  path: z.string().min(1),
  columns: columnsOption.optional(),
  label: columnRefOption.optional(),
});

/**
 * Data source `parquet`: numeric columns of a Parquet file as particles, read one row group at
 * a time (see `parquetSource`). The run's `particles` caps the rows read.
 *
 * @example
 * // config: { type: 'parquet', path: 'points.parquet', columns: ['x', 'y'] }
 */
export const parquetPlugin = filePlugin({
  name: 'parquet',
  description: 'Numeric columns of a Parquet file as particles, one row group at a time; particles caps the rows read.',
  options: parquetOptions,
  make: parquetSource,
});
