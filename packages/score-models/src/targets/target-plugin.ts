import { type Target, definePlugin } from '@scoreflow/core';
import type { z } from 'zod';
import { fitRun } from './fit-run.js';

/**
 * A `target` plugin: its name, description and options, and `make` from the parsed options to the
 * target, whose dimension must be the run's (`fitRun`): the frame every target plugin shares.
 *
 * @example
 * export const bananaTargetPlugin = targetPlugin({ name: 'banana', description: '...', options: bananaOptionsSchema, make: (o) => densityTarget(banana(o)) });
 */
export function targetPlugin<S extends z.ZodType>(spec: { name: string; description: string; options: S; make: (options: z.output<S>) => Target }) {
  return definePlugin({ kind: 'target', name: spec.name, description: spec.description, options: spec.options, create: (options, ctx) => fitRun(spec.make(options), ctx) });
}
