import { definePlugin } from '@scoreflow/core';
import { z } from 'zod';
import { karrasGrid } from './karras-grid.js';

/**
 * `type: karras`: the noise-level grid of Karras et al. 2022, eq. 5 (see `karrasGrid`). Options
 * `rho` (default 7) > 0, `sigmaMin` and `sigmaMax` > 0 (default: the SDE's noise levels at the
 * sampler's tEnd and tStart); sigmaMin >= sigmaMax is reported on sigmaMax.
 */
export const karrasGridPlugin = definePlugin({
  kind: 'time-grid',
  name: 'karras',
  description: 'Karras et al. 2022 (eq. 5) noise levels, equal steps in sigma^(1/rho), mapped to times of the SDE',
  options: z
    .strictObject({
      rho: z.number().positive().default(7).describe('warping exponent; 1 = equal steps in sigma, 7 = EDM'),
      sigmaMin: z.number().positive().optional().describe("smallest noise level; the SDE's sigma(tEnd) by default"),
      sigmaMax: z.number().positive().optional().describe("largest noise level; the SDE's sigma(tStart) by default"),
    })
    .superRefine((options, ctx) => {
      if (options.sigmaMin !== undefined && options.sigmaMax !== undefined && options.sigmaMin >= options.sigmaMax) {
        ctx.addIssue({ code: 'custom', path: ['sigmaMax'], message: `must be greater than sigmaMin (${options.sigmaMin})`, input: options.sigmaMax });
      }
    }),
  create: (options) => karrasGrid(options),
});
