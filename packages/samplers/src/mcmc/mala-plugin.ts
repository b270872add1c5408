import { definePlugin } from '@scoreflow/core';
import { z } from 'zod';
import { mala } from './mala.js';
import { mcmcShape } from './options.js';
import { mcmcStage } from './accelerated-mcmc.js';

/** `mala`: one Metropolis-adjusted Langevin chain per particle (see `mala`). */
export const malaPlugin = definePlugin({
  kind: 'stage',
  name: 'mala',
  description: 'Metropolis-adjusted Langevin algorithm (Roberts and Tweedie 1996), one chain per particle, step size adapted to 0.574',
  options: z.strictObject(mcmcShape({ stepSize: 0.1, targetAcceptance: 0.574 })),
  create: (options, ctx) => mcmcStage('mala', options, ctx, () => 0.574, mala),
});
