import { definePlugin } from '@scoreflow/core';
import { z } from 'zod';
import { ddpmGrid } from './ddpm-grid.js';

/**
 * `type: ddpm`: a discrete DDPM schedule's levels as times of the SDE (see `ddpmGrid`). Options
 * `schedule` ('linear' | 'scaled-linear' | 'cosine', default 'linear'), `trainSteps` (default 1000,
 * integer >= 2), `betaStart` (default 1e-4) <= `betaEnd` (default 0.02), both in (0, 1) (unused by
 * 'cosine'; betaStart > betaEnd is reported on betaEnd), `spacing` ('leading' | 'trailing' |
 * 'linspace', default 'leading').
 */
export const ddpmGridPlugin = definePlugin({
  kind: 'time-grid',
  name: 'ddpm',
  description: 'Discrete DDPM schedule (linear, scaled-linear, cosine) levels picked by diffusers spacing, mapped to times of the SDE',
  options: z
    .strictObject({
      schedule: z.enum(['linear', 'scaled-linear', 'cosine']).default('linear').describe('beta schedule (Ho et al. 2020; diffusers; Nichol and Dhariwal 2021)'),
      trainSteps: z.number().int().min(2).max(1_000_000).default(1000).describe('number of training levels N'),
      betaStart: z.number().gt(0).lt(1).default(1e-4).describe('first beta of linear / scaled-linear'),
      betaEnd: z.number().gt(0).lt(1).default(0.02).describe('last beta of linear / scaled-linear'),
      spacing: z.enum(['leading', 'trailing', 'linspace']).default('leading').describe("diffusers' timestep_spacing"),
    })
    .superRefine((options, ctx) => {
      if (options.betaStart > options.betaEnd) {
        ctx.addIssue({ code: 'custom', path: ['betaEnd'], message: `must be at least betaStart (${options.betaStart})`, input: options.betaEnd });
      }
    }),
  create: (options) => ddpmGrid(options),
});
