import { z } from 'zod';
import { ConfigError, definePlugin } from '@scoreflow/core';
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
    if (ctx.sde === undefined) {
      throw new ConfigError(`Invalid data-source 'prior' at ${ctx.path || '(root)'}`, [
        { path: ctx.path, message: "the 'prior' data source needs an SDE: add an sde to the pipeline config" },
      ]);
    }
    return checkedAgainstRunDim(priorSource(ctx.sde, options.dim ?? ctx.run.dim), ctx);
  },
});
