import { z } from 'zod';
import { reverseSamplerPlugin } from '../shared/reverse-sampler-plugin.js';
import { rk45 } from './rk45.js';

/** `rk45`: the probability-flow ODE by adaptive Dormand-Prince 5(4), as score_sde's ODE sampler (see `rk45`). */
export const rk45Plugin = reverseSamplerPlugin({
  name: 'rk45',
  description: 'Probability-flow ODE by adaptive Dormand-Prince RK5(4) (scipy RK45, score_sde ode_sampler); the grid sets only the snapshot times',
  defaults: { steps: 10, snapshotEvery: 1, tEnd: 1e-3 },
  options: {
    rtol: z.number().min(1e-6).lt(1).default(1e-3).describe('relative tolerance of the local error per step'),
    atol: z.number().positive().default(1e-3).describe('absolute tolerance of the local error per step'),
    norm: z.enum(['max', 'rms']).default('max').describe('error norm: the worst particle\'s RMS (every particle meets the tolerance) or the RMS over the batch (scipy, score_sde)'),
  },
  create: (sampler, options) => rk45({ ...sampler, rtol: options.rtol, atol: options.atol, norm: options.norm }),
});
