import { z } from 'zod';
import { reverseSamplerPlugin } from '../shared/reverse-sampler-plugin.js';
import { annealedLangevin } from './annealed-langevin.js';

/** `annealed-langevin`: NCSN's annealed Langevin dynamics over the grid's noise levels (see `annealedLangevin`). */
export const annealedLangevinPlugin = reverseSamplerPlugin({
  name: 'annealed-langevin',
  description: 'Annealed Langevin dynamics over the noise levels of the grid (Song and Ermon 2019, NCSN, Algorithm 1)',
  defaults: { steps: 100, snapshotEvery: 10, tEnd: 1e-3 },
  options: {
    tEnd: z.number().positive().default(1e-3).describe('end time of the reverse process; > 0, where sigma_L > 0'),
    stepsEach: z.number().int().min(1).max(100_000).default(10).describe('Langevin steps per noise level'),
    epsilon: z.number().positive().optional().describe('step size at the smallest noise level sigma_L (NCSN epsilon); sigma_L^2 by default'),
  },
  create: (sampler, options) => annealedLangevin({ ...sampler, stepsEach: options.stepsEach, epsilon: options.epsilon }),
});
