import { definePlugin } from '@scoreflow/core';
import { z } from 'zod';
import { hmc } from './hmc.js';
import { mcmcShape } from './options.js';
import { mcmcStage } from './accelerated-mcmc.js';

/** `hmc`: one Hamiltonian Monte Carlo chain per particle, leapfrog integrator (see `hmc`). */
export const hmcPlugin = definePlugin({
  kind: 'stage',
  name: 'hmc',
  description: 'Hamiltonian Monte Carlo (Duane et al. 1987; Neal 2011), one chain per particle, step size adapted to 0.8 by dual averaging',
  options: z.strictObject({
    ...mcmcShape({ stepSize: 0.1, targetAcceptance: 0.8 }),
    leapfrogSteps: z.number().int().min(1).max(10_000).default(10).describe('leapfrog steps per iteration (L)'),
  }),
  create: (options, ctx) => mcmcStage('hmc', options, ctx, () => 0.8, (mcmc) => hmc({ ...mcmc, leapfrogSteps: options.leapfrogSteps })),
});
