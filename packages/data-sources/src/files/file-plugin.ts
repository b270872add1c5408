import { type DataSource, definePlugin } from '@scoreflow/core';
import type { z } from 'zod';
import { checkedAgainstRunDim } from '../run-dim.js';
import { withDataFileInput } from './data-file-input.js';

/**
 * A data-file plugin: its name, description and options, and `make` from the parsed options to
 * the source; the frame `arrow`, `csv` and `parquet` share. A bad file met while making the source
 * is reported as bad input at the entry's config path (`withDataFileInput`), and the source is
 * checked against the run's dimension (`checkedAgainstRunDim`).
 *
 * @example
 * export const csvPlugin = filePlugin({ name: 'csv', description: '...', options: csvOptions, make: csvSource });
 */
export function filePlugin<S extends z.ZodType>(spec: { name: string; description: string; options: S; make: (options: z.output<S>) => DataSource }) {
  return definePlugin({
    kind: 'data-source',
    name: spec.name,
    description: spec.description,
    options: spec.options,
    create: (options, ctx) => checkedAgainstRunDim(withDataFileInput(ctx.path, () => spec.make(options)), ctx),
  });
}
