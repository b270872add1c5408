import { definePlugin } from '@scoreflow/core';
import { z } from 'zod';
import { mcmcShape } from './options.js';
import { randomWalkMetropolis, rwmTargetAcceptance } from './random-walk-metropolis.js';
import { mcmcStage } from './accelerated-mcmc.js';

/** `random-walk-metropolis`: one Gaussian random-walk Metropolis chain per particle (see `randomWalkMetropolis`). */
export const randomWalkMetropolisPlugin = definePlugin({
  kind: 'stage',
  name: 'random-walk-metropolis',
  description: 'Random-walk Metropolis (Metropolis et al. 1953), one chain per particle, step size adapted to 0.234 (0.44 in 1-D)',
  options: z.strictObject(mcmcShape({ stepSize: 0.5 })),
  create: (options, ctx) => mcmcStage('random-walk-metropolis', options, ctx, rwmTargetAcceptance, randomWalkMetropolis),
});
