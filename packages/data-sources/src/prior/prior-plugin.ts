import { z } from 'zod';
import { definePlugin, requireSde } from '@scoreflow/core';
import { checkedAgainstRunDim } from '../run-dim.js';
import { priorSource } from './prior-source.js';

/**
 * Data source `prior`: samples the pipeline's SDE prior at t = T. Option `dim` (integer >= 1)
 * defaults to the run's `dim`. Throws `ConfigError` naming the config's path when the pipeline
 * has no SDE.
 *
 * @example
 * // config: { type: 'prior' } (with an `sde` in the pipeline)
 */
export const priorPlugin = definePlugin({
  kind: 'data-source',
  name: 'prior',
  description: "Samples the pipeline SDE's prior at t = T (the start of reverse-time sampling).",
  options: z.strictObject({ dim: z.number().int().min(1).optional() }),
  create(options, ctx) {
    return checkedAgainstRunDim(priorSource(requireSde(ctx, "the 'prior' data source"), options.dim ?? ctx.run.dim), ctx);
  },
});
