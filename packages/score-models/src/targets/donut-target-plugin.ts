import { donut, donutOptionsSchema } from '@scoreflow/core';
import { densityTarget } from './density-target.js';
import { targetPlugin } from './target-plugin.js';

/**
 * `type: donut` (kind `target`): core's `donut`, p(x) = exp(-(|x| - radius)^2 / (2 width^2)) / Z with
 * the exact Z of `donutNormaliser`. 2-D, normalised.
 */
export const donutTargetPlugin = targetPlugin({
  name: 'donut',
  description: 'Donut: p(x) proportional to exp(-(|x| - radius)^2 / (2 width^2)), exactly normalised (2-D)',
  options: donutOptionsSchema,
  make: (options) => densityTarget(donut(options)),
});
