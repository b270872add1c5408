import { donutOptionsSchema } from '@scoreflow/core';
import { toyPlugin } from '../toy-plugin.js';
import { donutSource } from './donut-source.js';

/** Options of `donut`: core's `donutOptionsSchema`, which its target reads too. */
export { donutOptionsSchema as donutOptions } from '@scoreflow/core';

/**
 * Data source `donut`: exact samples of core's donut density, proportional to
 * exp(-(|x| - R)^2 / (2 w^2)), which it carries as `density`.
 *
 * @example
 * // config: { type: 'donut', radius: 2, width: 0.25 }
 */
export const donutPlugin = toyPlugin({
  name: 'donut',
  description: 'Exact samples of the donut, p(x) proportional to exp(-(|x| - R)^2 / (2 w^2)) (keyed rejection for the radius); exact density.',
  options: donutOptionsSchema,
  make: donutSource,
});
