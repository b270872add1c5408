import { type DataSource, definePlugin } from '@scoreflow/core';
import type { z } from 'zod';
import { checkedAgainstRunDim } from '../run-dim.js';

/**
 * A toy data-source plugin: its name, description and options, and `make` from the parsed options
 * to the source, checked against the run's dimension (`checkedAgainstRunDim`): the frame every
 * toy set's plugin shares.
 *
 * @example
 * export const swissRollPlugin = toyPlugin({ name: 'swiss-roll', description: '...', options: swissRollOptions, make: swissRollSource });
 */
export function toyPlugin<S extends z.ZodType>(spec: { name: string; description: string; options: S; make: (options: z.output<S>) => DataSource }) {
  return definePlugin({ kind: 'data-source', name: spec.name, description: spec.description, options: spec.options, create: (options, ctx) => checkedAgainstRunDim(spec.make(options), ctx) });
}
