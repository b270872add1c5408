import { z } from 'zod';
import { DONUT_DEFAULTS, definePlugin } from '@scoreflow/core';
import { checkedAgainstRunDim } from '../../run-dim.js';
import { donutSource } from './donut-source.js';

/** Options of `donut`: `radius` R (>= 0) and `width` w (> 0) (defaults 3, 0.5: core's `DONUT_DEFAULTS`). */
export const donutOptions = z.strictObject({
  radius: z.number().min(0).default(DONUT_DEFAULTS.radius).describe('radius R of the ring'),
  width: z.number().positive().default(DONUT_DEFAULTS.width).describe('radial std w'),
});

/**
 * Data source `donut`: exact samples of core's donut density, proportional to
 * exp(-(|x| - R)^2 / (2 w^2)), which it carries as `density`.
 *
 * @example
 * // config: { type: 'donut', radius: 2, width: 0.25 }
 */
export const donutPlugin = definePlugin({
  kind: 'data-source',
  name: 'donut',
  description: 'Exact samples of the donut, p(x) proportional to exp(-(|x| - R)^2 / (2 w^2)) (keyed rejection for the radius); exact density.',
  options: donutOptions,
  create: (options, ctx) => checkedAgainstRunDim(donutSource(options), ctx),
});
