import { bananaOptionsSchema } from '@scoreflow/core';
import { toyPlugin } from '../toy-plugin.js';
import { bananaSource } from './banana-source.js';

/** Options of `banana`: core's `bananaOptionsSchema`, which its target reads too. */
export { bananaOptionsSchema as bananaOptions } from '@scoreflow/core';

/**
 * Data source `banana`: exact samples of core's banana density, x1 ~ N(0, s^2),
 * x2 | x1 ~ N(c (x1^2 - s^2), w^2), which it carries as `density`.
 *
 * @example
 * // config: { type: 'banana', curvature: 0.5 }
 */
export const bananaPlugin = toyPlugin({
  name: 'banana',
  description: 'Exact samples of the banana: x1 ~ N(0, s^2), x2 | x1 ~ N(c (x1^2 - s^2), w^2); exact density.',
  options: bananaOptionsSchema,
  make: bananaSource,
});
