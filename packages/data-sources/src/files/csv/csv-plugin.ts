import { z } from 'zod';
import { filePlugin } from '../file-plugin.js';
import { columnRefOption, columnsOption } from '../column-options.js';
import { csvSource } from './csv-source.js';

/**
 * Options of the `csv` data source: `path` (the file), `columns` (coordinate columns by name
 * or 0-based index; all but the label by default), `header` (default true), `delimiter`
 * (default `,`), `label` (a column of integer classes, optional). Column names need a header.
 */
export const csvOptions = z
  .strictObject({
    path: z.string().min(1),
    columns: columnsOption.optional(),
    header: z.boolean().default(true),
    delimiter: z.string().min(1).default(','),
    label: columnRefOption.optional(),
  })
  .superRefine((options, ctx) => {
    if (options.header) return;
    const named = [...(options.columns ?? []).map((ref, k) => ({ ref, path: ['columns', k] })), { ref: options.label, path: ['label'] }];
    for (const { ref, path } of named) {
      if (typeof ref === 'string') {
        ctx.addIssue({ code: 'custom', path, message: `column '${ref}' is named, but the file has no header (header: false): give its 0-based index`, input: ref });
      }
    }
  });

/**
 * Data source `csv`: the rows of a CSV file as particles, streamed (see `csvSource`). The
 * run's `particles` caps the rows read.
 *
 * @example
 * // config: { type: 'csv', path: 'points.csv', columns: ['x', 'y'], label: 'class' }
 */
export const csvPlugin = filePlugin({
  name: 'csv',
  description: 'Rows of a CSV file as particles (chosen columns, header or not), streamed; particles caps the rows read.',
  options: csvOptions,
  make: csvSource,
});
