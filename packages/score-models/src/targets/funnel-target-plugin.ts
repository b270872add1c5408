import { definePlugin, funnel, funnelOptionsSchema } from '@scoreflow/core';
import { densityTarget } from './density-target.js';
import { fitRun } from './fit-run.js';

/** `type: funnel` (kind `target`): core's `funnel`, Neal's funnel x1 ~ N(0, scale^2), x2 | x1 ~ N(0, exp(x1)). 2-D, normalised. */
export const funnelTargetPlugin = definePlugin({
  kind: 'target',
  name: 'funnel',
  description: "Neal's funnel: x1 ~ N(0, scale^2), x2 | x1 ~ N(0, exp(x1)) (2-D)",
  options: funnelOptionsSchema,
  create: (options, ctx) => fitRun(densityTarget(funnel(options)), ctx),
});
