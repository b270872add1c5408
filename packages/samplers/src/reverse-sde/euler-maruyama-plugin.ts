import { z } from 'zod';
import { reverseSamplerPlugin } from '../shared/reverse-sampler-plugin.js';
import { eulerMaruyama } from './euler-maruyama.js';

/** `euler-maruyama`: the reverse-time SDE from the prior with a score model (see `eulerMaruyama`). */
export const eulerMaruyamaPlugin = reverseSamplerPlugin({
  name: 'euler-maruyama',
  description: 'Reverse-time SDE (Anderson 1982) by Euler-Maruyama, steered by a score model (score_sde)',
  defaults: { steps: 500, snapshotEvery: 50, tEnd: 1e-3 },
  options: {
    noiseRemoval: z.boolean().default(true).describe('take the last step without noise'),
  },
  create: (sampler, options) => eulerMaruyama({ ...sampler, noiseRemoval: options.noiseRemoval }),
});
