import { banana, bananaOptionsSchema } from '@scoreflow/core';
import { densityTarget } from './density-target.js';
import { targetPlugin } from './target-plugin.js';

/**
 * `type: banana` (kind `target`): core's `banana`, x1 ~ N(0, scale^2), x2 | x1 ~
 * N(curvature (x1^2 - scale^2), width^2) (Haario et al. 1999's twisted Gaussian). 2-D, normalised.
 */
export const bananaTargetPlugin = targetPlugin({
  name: 'banana',
  description: 'Banana: x1 ~ N(0, scale^2), x2 | x1 ~ N(curvature (x1^2 - scale^2), width^2) (2-D)',
  options: bananaOptionsSchema,
  make: (options) => densityTarget(banana(options)),
});
