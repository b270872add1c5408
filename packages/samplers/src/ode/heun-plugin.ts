import { definePlugin } from '@scoreflow/core';
import { z } from 'zod';
import { reverseSamplerShape } from '../shared/options.js';
import { resolveSampler } from '../shared/resolve-sampler.js';
import { heun } from './heun.js';

/** `heun`: the probability-flow ODE by Heun's method, Karras et al. 2022 Algorithm 1 (see `heun`). */
export const heunPlugin = definePlugin({
  kind: 'stage',
  name: 'heun',
  description: "Probability-flow ODE by Heun's 2nd-order method (Karras et al. 2022, Algorithm 1): deterministic, 2 NFE per step",
  options: z.strictObject({
    ...reverseSamplerShape({ steps: 25, snapshotEvery: 5, tEnd: 1e-3 }),
    space: z.enum(['sigma', 'time']).default('sigma').describe("step in sigma = s/m (Karras, k-diffusion sample_heun) or in the SDE's time t"),
  }),
  create: (options, ctx) => heun({ ...resolveSampler(options, ctx), space: options.space }),
});
