import { definePlugin } from '@scoreflow/core';
import { z } from 'zod';
import { reverseSamplerShape } from '../shared/options.js';
import { resolveSampler } from '../shared/resolve-sampler.js';
import { eulerMaruyama } from './euler-maruyama.js';

/** `euler-maruyama`: the reverse-time SDE from the prior with a score model (see `eulerMaruyama`). */
export const eulerMaruyamaPlugin = definePlugin({
  kind: 'stage',
  name: 'euler-maruyama',
  description: 'Reverse-time SDE (Anderson 1982) by Euler-Maruyama, steered by a score model (score_sde)',
  options: z.strictObject({
    ...reverseSamplerShape({ steps: 500, snapshotEvery: 50, tEnd: 1e-3 }),
    noiseRemoval: z.boolean().default(true).describe('take the last step without noise'),
  }),
  create: (options, ctx) => eulerMaruyama({ ...resolveSampler(options, ctx), noiseRemoval: options.noiseRemoval }),
});
