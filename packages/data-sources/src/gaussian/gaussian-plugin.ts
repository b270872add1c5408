import { z } from 'zod';
import { definePlugin } from '@scoreflow/core';
import { checkedAgainstRunDim } from '../run-dim.js';
import { gaussianSource } from './gaussian-source.js';

/**
 * Options of the `gaussian` data source: `dim` (integer >= 1, default 2), `mean` (a number for
 * every coordinate, or an array of `dim` numbers; default 0), `std` (> 0, default 1).
 */
export const gaussianOptions = z
  .strictObject({
    dim: z.number().int().min(1).default(2),
    mean: z.union([z.number(), z.array(z.number()).min(1)]).default(0),
    std: z.number().positive().default(1),
  })
  .superRefine((options, ctx) => {
    if (Array.isArray(options.mean) && options.mean.length !== options.dim) {
      ctx.addIssue({
        code: 'custom',
        path: ['mean'],
        message: `expected one number or ${options.dim} numbers (one per coordinate, dim = ${options.dim})`,
        input: options.mean,
      });
    }
  });

/**
 * Data source `gaussian`: samples N(mean, std^2 I) in `dim` dimensions.
 *
 * @example
 * // config: { type: 'gaussian', dim: 2, mean: [0, 1], std: 0.5 }
 */
export const gaussianPlugin = definePlugin({
  kind: 'data-source',
  name: 'gaussian',
  description: 'Samples the isotropic Gaussian N(mean, std^2 I) in dim dimensions.',
  options: gaussianOptions,
  create: (options, ctx) => checkedAgainstRunDim(gaussianSource(options), ctx),
});
