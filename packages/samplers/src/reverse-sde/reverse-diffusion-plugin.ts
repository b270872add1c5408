import { definePlugin } from '@scoreflow/core';
import { z } from 'zod';
import { reverseSamplerShape } from '../shared/options.js';
import { resolveSampler } from '../shared/resolve-sampler.js';
import { reverseDiffusion } from './reverse-diffusion.js';

/** `reverse-diffusion`: score_sde's reverse-diffusion predictor as a sampler (see `reverseDiffusion`). */
export const reverseDiffusionPlugin = definePlugin({
  kind: 'stage',
  name: 'reverse-diffusion',
  description: 'Reverse diffusion: the forward discretisation run backwards (Song et al. 2021, eq. 46; score_sde)',
  options: z.strictObject({
    ...reverseSamplerShape({ steps: 500, snapshotEvery: 50, tEnd: 1e-3 }),
    noiseRemoval: z.boolean().default(true).describe('take the last step without noise'),
    discretization: z
      .enum(['marginal', 'euler'])
      .default('marginal')
      .describe("marginal: the SDE's exact transition (score_sde's VP/VE discretize); euler: f dt and g sqrt(dt)"),
  }),
  create: (options, ctx) => reverseDiffusion({ ...resolveSampler(options, ctx), noiseRemoval: options.noiseRemoval, discretization: options.discretization }),
});
