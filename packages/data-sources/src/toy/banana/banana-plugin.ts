import { z } from 'zod';
import { BANANA_DEFAULTS, definePlugin } from '@scoreflow/core';
import { checkedAgainstRunDim } from '../../run-dim.js';
import { bananaSource } from './banana-source.js';

/** Options of `banana`: `scale` s, `curvature` c, `width` w (defaults 2, 0.25, 1: core's `BANANA_DEFAULTS`). */
export const bananaOptions = z.strictObject({
  scale: z.number().positive().default(BANANA_DEFAULTS.scale).describe('std s of x1'),
  curvature: z.number().default(BANANA_DEFAULTS.curvature).describe('curvature c of the ridge x2 = c (x1^2 - s^2)'),
  width: z.number().positive().default(BANANA_DEFAULTS.width).describe('std w of x2 about the ridge'),
});

/**
 * Data source `banana`: exact samples of core's banana density, x1 ~ N(0, s^2),
 * x2 | x1 ~ N(c (x1^2 - s^2), w^2), which it carries as `density`.
 *
 * @example
 * // config: { type: 'banana', curvature: 0.5 }
 */
export const bananaPlugin = definePlugin({
  kind: 'data-source',
  name: 'banana',
  description: 'Exact samples of the banana: x1 ~ N(0, s^2), x2 | x1 ~ N(c (x1^2 - s^2), w^2); exact density.',
  options: bananaOptions,
  create: (options, ctx) => checkedAgainstRunDim(bananaSource(options), ctx),
});
