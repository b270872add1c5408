import { definePlugin } from '@scoreflow/core';
import { z } from 'zod';
import { reverseSamplerShape } from '../shared/options.js';
import { resolveSampler } from '../shared/resolve-sampler.js';
import { odeEuler } from './ode-euler.js';

/** `ode-euler`: the probability-flow ODE by the Euler method (see `odeEuler`). */
export const odeEulerPlugin = definePlugin({
  kind: 'stage',
  name: 'ode-euler',
  description: 'Probability-flow ODE (Song et al. 2021, eq. 13) by the Euler method: deterministic, first order, 1 NFE per step',
  options: z.strictObject(reverseSamplerShape({ steps: 100, snapshotEvery: 10, tEnd: 1e-3 })),
  create: (options, ctx) => odeEuler(resolveSampler(options, ctx)),
});
