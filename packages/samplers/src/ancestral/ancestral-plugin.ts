import { definePlugin } from '@scoreflow/core';
import { z } from 'zod';
import { reverseSamplerShape } from '../shared/options.js';
import { resolveSampler } from '../shared/resolve-sampler.js';
import { ancestral } from './ancestral.js';

/** `ancestral`: DDPM's ancestral sampling for any linear SDE (see `ancestral`). */
export const ancestralPlugin = definePlugin({
  kind: 'stage',
  name: 'ancestral',
  description: "Ancestral sampling from the forward process's Gaussian posterior (Ho et al. 2020, Algorithm 2; score_sde)",
  options: z.strictObject({
    ...reverseSamplerShape({ steps: 500, snapshotEvery: 50, tEnd: 1e-3 }),
    noiseRemoval: z.boolean().default(true).describe('take the last step as the posterior mean, without noise'),
  }),
  create: (options, ctx) => ancestral({ ...resolveSampler(options, ctx), noiseRemoval: options.noiseRemoval }),
});
