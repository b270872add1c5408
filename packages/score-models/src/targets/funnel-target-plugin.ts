import { FUNNEL_DEFAULTS, definePlugin, funnel } from '@scoreflow/core';
import { z } from 'zod';
import { densityTarget } from './density-target.js';
import { fitRun } from './fit-run.js';

/** `type: funnel` (kind `target`): core's `funnel`, Neal's funnel x1 ~ N(0, scale^2), x2 | x1 ~ N(0, exp(x1)). 2-D, normalised. */
export const funnelTargetPlugin = definePlugin({
  kind: 'target',
  name: 'funnel',
  description: "Neal's funnel: x1 ~ N(0, scale^2), x2 | x1 ~ N(0, exp(x1)) (2-D)",
  options: z.strictObject({
    scale: z.number().positive().default(FUNNEL_DEFAULTS.scale).describe('standard deviation of x1, the log variance of x2'),
  }),
  create: (options, ctx) => fitRun(densityTarget(funnel(options)), ctx),
});
