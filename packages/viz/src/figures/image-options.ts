import { ConfigError, type PluginContext } from '@scoreflow/core';
import { z } from 'zod';

/**
 * `count` and `shape`: the options of a figure that draws particles as images (dimension
 * height * width, values in [-1, 1]) in a grid.
 */
export const imageOptions = {
  count: z.number().int().min(1).max(1024).default(64).describe('images drawn (the lowest ids)'),
  shape: z.tuple([z.number().int().min(1), z.number().int().min(1)]).optional().describe('[height, width]; square by default'),
};

/**
 * The [height, width] of the run's images: `shape` when given, else the square root of the run's
 * dimension. Throws a `ConfigError` at `<path>.shape` when height * width is not the dimension
 * (or, without `shape`, the dimension is not a square).
 */
export function imageShapeOf(shape: readonly [number, number] | undefined, ctx: PluginContext): [number, number] {
  const { dim } = ctx.run;
  const side = Math.round(Math.sqrt(dim));
  const [h, w] = shape ?? [side, side];
  if (h * w !== dim) {
    const message =
      shape === undefined ? `is needed: the dimension ${dim} is not a square` : `${h} x ${w} = ${h * w}, but the dimension ${dim} is not that`;
    throw new ConfigError('Invalid figure', [{ path: `${ctx.path}.shape`, message }]);
  }
  return [h, w];
}
