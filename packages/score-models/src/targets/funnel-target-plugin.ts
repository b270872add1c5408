import { funnel, funnelOptionsSchema } from '@scoreflow/core';
import { densityTarget } from './density-target.js';
import { targetPlugin } from './target-plugin.js';

/** `type: funnel` (kind `target`): core's `funnel`, Neal's funnel x1 ~ N(0, scale^2), x2 | x1 ~ N(0, exp(x1)). 2-D, normalised. */
export const funnelTargetPlugin = targetPlugin({
  name: 'funnel',
  description: "Neal's funnel: x1 ~ N(0, scale^2), x2 | x1 ~ N(0, exp(x1)) (2-D)",
  options: funnelOptionsSchema,
  make: (options) => densityTarget(funnel(options)),
});
