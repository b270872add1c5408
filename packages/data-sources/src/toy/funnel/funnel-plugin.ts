import { z } from 'zod';
import { FUNNEL_DEFAULTS, definePlugin } from '@scoreflow/core';
import { checkedAgainstRunDim } from '../../run-dim.js';
import { funnelSource } from './funnel-source.js';

/** Options of `funnel`: `scale` s (> 0, default 3: core's `FUNNEL_DEFAULTS`). */
export const funnelOptions = z.strictObject({
  scale: z.number().positive().default(FUNNEL_DEFAULTS.scale).describe('std s of x1, the log variance of x2'),
});

/**
 * Data source `funnel`: exact samples of Neal's funnel, x1 ~ N(0, s^2), x2 | x1 ~ N(0, exp(x1)),
 * which it carries as `density`.
 *
 * @example
 * // config: { type: 'funnel', scale: 3 }
 */
export const funnelPlugin = definePlugin({
  kind: 'data-source',
  name: 'funnel',
  description: "Exact samples of Neal's funnel: x1 ~ N(0, s^2), x2 | x1 ~ N(0, exp(x1)); exact density.",
  options: funnelOptions,
  create: (options, ctx) => checkedAgainstRunDim(funnelSource(options), ctx),
});
