import { definePlugin, donut, donutOptionsSchema } from '@scoreflow/core';
import { densityTarget } from './density-target.js';
import { fitRun } from './fit-run.js';

/**
 * `type: donut` (kind `target`): core's `donut`, p(x) = exp(-(|x| - radius)^2 / (2 width^2)) / Z with
 * the exact Z of `donutNormaliser`. 2-D, normalised.
 */
export const donutTargetPlugin = definePlugin({
  kind: 'target',
  name: 'donut',
  description: 'Donut: p(x) proportional to exp(-(|x| - radius)^2 / (2 width^2)), exactly normalised (2-D)',
  options: donutOptionsSchema,
  create: (options, ctx) => fitRun(densityTarget(donut(options)), ctx),
});
