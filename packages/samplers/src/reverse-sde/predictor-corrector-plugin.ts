import { definePlugin } from '@scoreflow/core';
import { z } from 'zod';
import { reverseSamplerShape } from '../shared/options.js';
import { resolveSampler } from '../shared/resolve-sampler.js';
import { predictorCorrector } from './predictor-corrector.js';

/** `predictor-corrector`: score_sde's PC sampler (see `predictorCorrector`). */
export const predictorCorrectorPlugin = definePlugin({
  kind: 'stage',
  name: 'predictor-corrector',
  description: 'Predictor-corrector sampling with a Langevin corrector (Song et al. 2021, Algorithms 1-2; score_sde)',
  options: z
    .strictObject({
      ...reverseSamplerShape({ steps: 500, snapshotEvery: 50, tEnd: 1e-3 }),
      predictor: z.enum(['reverse-diffusion', 'euler-maruyama', 'none']).default('reverse-diffusion').describe('the update from t_k to t_{k+1}'),
      corrector: z.enum(['langevin', 'none']).default('langevin').describe('MCMC at each grid time'),
      snr: z.number().positive().default(0.16).describe('signal-to-noise ratio of the Langevin step size'),
      correctorSteps: z.number().int().min(1).max(1000).default(1).describe('Langevin steps per grid time'),
      stepSize: z
        .enum(['noise-level', 'per-particle'])
        .default('noise-level')
        .describe("Langevin step 2 alpha snr^2 s(t)^2 for all particles, or from each particle's norms (high dimension only)"),
      noiseRemoval: z.boolean().default(true).describe('take the very last update without noise'),
    })
    .refine((options) => options.predictor !== 'none' || options.corrector !== 'none', {
      message: "predictor and corrector cannot both be 'none'",
      path: ['corrector'],
    }),
  create: (options, ctx) =>
    predictorCorrector({
      ...resolveSampler(options, ctx),
      predictor: options.predictor,
      corrector: options.corrector,
      snr: options.snr,
      correctorSteps: options.correctorSteps,
      stepSize: options.stepSize,
      noiseRemoval: options.noiseRemoval,
    }),
});
