import { definePlugin } from '@scoreflow/core';
import { z } from 'zod';
import { timesGrid } from './times-grid.js';

/**
 * `type: times`: a user-given list of times (see `timesGrid`). Option `values` (required): at
 * least two numbers >= 0, strictly decreasing (a violation is reported on `values.k`). The
 * sampler's steps must be values.length - 1 and its tEnd the last value (checked when it runs).
 */
export const timesGridPlugin = definePlugin({
  kind: 'time-grid',
  name: 'times',
  description: 'A given list of strictly decreasing times; the sampler uses steps = length - 1 and tEnd = last value',
  options: z
    .strictObject({
      values: z.array(z.number().min(0)).min(2).describe('the times, strictly decreasing, from tStart to tEnd'),
    })
    .superRefine((options, ctx) => {
      options.values.forEach((value, k) => {
        if (k > 0 && !(value < options.values[k - 1])) {
          ctx.addIssue({ code: 'custom', path: ['values', k], message: `must be less than values.${k - 1} (${options.values[k - 1]}); times decrease strictly`, input: value });
        }
      });
    }),
  create: (options) => timesGrid(options),
});
