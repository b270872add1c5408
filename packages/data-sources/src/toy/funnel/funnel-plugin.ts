import { funnelOptionsSchema } from '@scoreflow/core';
import { toyPlugin } from '../toy-plugin.js';
import { funnelSource } from './funnel-source.js';

/** Options of `funnel`: core's `funnelOptionsSchema`, which its target reads too. */
export { funnelOptionsSchema as funnelOptions } from '@scoreflow/core';

/**
 * Data source `funnel`: exact samples of Neal's funnel, x1 ~ N(0, s^2), x2 | x1 ~ N(0, exp(x1)),
 * which it carries as `density`.
 *
 * @example
 * // config: { type: 'funnel', scale: 3 }
 */
export const funnelPlugin = toyPlugin({
  name: 'funnel',
  description: "Exact samples of Neal's funnel: x1 ~ N(0, s^2), x2 | x1 ~ N(0, exp(x1)); exact density.",
  options: funnelOptionsSchema,
  make: funnelSource,
});
