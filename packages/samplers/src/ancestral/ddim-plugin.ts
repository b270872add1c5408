import { definePlugin } from '@scoreflow/core';
import { z } from 'zod';
import { reverseSamplerShape } from '../shared/options.js';
import { resolveSampler } from '../shared/resolve-sampler.js';
import { ddim } from './ddim.js';

/** `ddim`: DDIM (Song, Meng and Ermon 2021) for any linear SDE, with its eta (see `ddim`). */
export const ddimPlugin = definePlugin({
  kind: 'stage',
  name: 'ddim',
  description: 'DDIM (Song, Meng and Ermon 2021, eqs. 12 and 16) for any linear SDE: eta = 0 deterministic, eta = 1 DDPM-like; 1 NFE per step',
  options: z.strictObject({
    ...reverseSamplerShape({ steps: 50, snapshotEvery: 10, tEnd: 1e-3 }),
    eta: z.number().min(0).default(0).describe('noise share: 0 deterministic DDIM, 1 the DDPM posterior noise (clamped per step above 1)'),
  }),
  create: (options, ctx) => ddim({ ...resolveSampler(options, ctx), eta: options.eta }),
});
