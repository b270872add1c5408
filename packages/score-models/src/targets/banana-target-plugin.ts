import { BANANA_DEFAULTS, banana, definePlugin } from '@scoreflow/core';
import { z } from 'zod';
import { densityTarget } from './density-target.js';
import { fitRun } from './fit-run.js';

/**
 * `type: banana` (kind `target`): core's `banana`, x1 ~ N(0, scale^2), x2 | x1 ~
 * N(curvature (x1^2 - scale^2), width^2) (Haario et al. 1999's twisted Gaussian). 2-D, normalised.
 */
export const bananaTargetPlugin = definePlugin({
  kind: 'target',
  name: 'banana',
  description: 'Banana: x1 ~ N(0, scale^2), x2 | x1 ~ N(curvature (x1^2 - scale^2), width^2) (2-D)',
  options: z.strictObject({
    scale: z.number().positive().default(BANANA_DEFAULTS.scale).describe('standard deviation of x1'),
    curvature: z.number().default(BANANA_DEFAULTS.curvature).describe('curvature of the ridge x2 = curvature (x1^2 - scale^2)'),
    width: z.number().positive().default(BANANA_DEFAULTS.width).describe('standard deviation of x2 about the ridge'),
  }),
  create: (options, ctx) => fitRun(densityTarget(banana(options)), ctx),
});
