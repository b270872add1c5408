import { z } from 'zod';
import { filePlugin } from '../file-plugin.js';
import { columnRefOption, columnsOption } from '../column-options.js';
import { arrowSource } from './arrow-source.js';

/**
 * Options of the `arrow` data source: `path` (an Arrow IPC file or stream), `columns` (numeric
 * columns; unset: a particle file's `x`, else every numeric column), `label` (an integer
 * column; a particle file's `label` by default), `step` (the snapshot of a particle file;
 * the largest by default).
 */
export const arrowOptions = z.strictObject({
  path: z.string().min(1),
  columns: columnsOption.optional(),
  label: columnRefOption.optional(),
  step: z.number().int().optional(),
});

/**
 * Data source `arrow`: the rows of an Arrow IPC file or stream as particles, streamed batch by
 * batch (see `arrowSource`); reads back a snapshot of a run's particle file. The run's
 * `particles` caps the rows read.
 *
 * @example
 * // config: { type: 'arrow', path: 'out/particles.arrow', step: 0 }
 */
export const arrowPlugin = filePlugin({
  name: 'arrow',
  description: "Rows of an Arrow IPC file or stream (a run's particle file, or numeric columns), streamed; particles caps the rows read.",
  options: arrowOptions,
  make: arrowSource,
});
