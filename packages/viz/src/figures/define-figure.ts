import { type Figure, type Plugin, type PluginContext, definePlugin } from '@scoreflow/core';
import type { z } from 'zod';
import { checkPlanar } from './figure-options.js';

/** A figure plugin as {@link defineFigure} takes it: `create` returns the figure less its `name` and `file`. */
export interface FigureSpec<S extends z.ZodType<{ file: string }>> {
  readonly name: string;
  /** One line for `scoreflow list`. */
  readonly description: string;
  readonly options: S;
  /** The figure draws two coordinates: particles of dimension < 2 are a config error at `<path>.type`. */
  readonly planar?: boolean;
  create(options: z.output<S>, ctx: PluginContext): Omit<Figure, 'name' | 'file'>;
}

/**
 * Declares a figure plugin (kind `figure`): the figure is named after the plugin, writes the
 * `file` its options name, and a planar figure checks the run's dimension before `create`.
 */
export function defineFigure<S extends z.ZodType<{ file: string }>>(spec: FigureSpec<S>): Plugin<'figure', S> {
  const { planar = false, create, ...plugin } = spec;
  return definePlugin({
    ...plugin,
    kind: 'figure',
    create: (config, ctx) => {
      if (planar) checkPlanar(ctx, spec.name);
      return { name: spec.name, file: config.file, ...create(config, ctx) };
    },
  });
}

/**
 * Declares a planar figure plugin: a figure that draws two coordinates (`defineFigure` with
 * `planar: true`), so that particles of dimension < 2 are a config error at `<path>.type`.
 * Its options end with `planarOptions` (the axis domains and the common options).
 */
export function definePlanarFigure<S extends z.ZodType<{ file: string }>>(spec: Omit<FigureSpec<S>, 'planar'>): Plugin<'figure', S> {
  return defineFigure({ ...spec, planar: true });
}
