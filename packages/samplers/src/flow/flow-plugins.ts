import { z } from 'zod';
import { flowEuler } from './flow-euler.js';
import { flowHeun } from './flow-heun.js';
import { flowRk45 } from './flow-rk45.js';
import { flowSamplerPlugin } from './flow-sampler-plugin.js';

/** `flow-euler`: the flow ODE by Euler steps on [tStart, tEnd] (see `flowEuler`). */
export const flowEulerPlugin = flowSamplerPlugin({
  name: 'flow-euler',
  description: 'Flow ODE dx/dt = v(x, t) from t = 0 to 1 by Euler steps (torchcfm: 100 steps); 1 NFE per step',
  defaults: { steps: 100, snapshotEvery: 10 },
  create: (sampler) => flowEuler(sampler),
});

/** `flow-heun`: the flow ODE by Heun's method (see `flowHeun`). */
export const flowHeunPlugin = flowSamplerPlugin({
  name: 'flow-heun',
  description: "Flow ODE dx/dt = v(x, t) from t = 0 to 1 by Heun's second-order method; 2 NFE per step",
  defaults: { steps: 20, snapshotEvery: 2 },
  create: (sampler) => flowHeun(sampler),
});

/** `flow-rk45`: the flow ODE by adaptive Dormand-Prince (see `flowRk45`). */
export const flowRk45Plugin = flowSamplerPlugin({
  name: 'flow-rk45',
  description: 'Flow ODE dx/dt = v(x, t) from t = 0 to 1 by adaptive Dormand-Prince RK5(4) (dopri5); the grid sets only the snapshot times',
  defaults: { steps: 10, snapshotEvery: 1 },
  options: {
    rtol: z.number().min(1e-6).lt(1).default(1e-4).describe('relative tolerance of the local error per step'),
    atol: z.number().positive().default(1e-4).describe('absolute tolerance of the local error per step'),
    norm: z.enum(['max', 'rms']).default('max').describe("error norm: the worst particle's RMS or the RMS over the batch"),
  },
  create: (sampler, options) => flowRk45({ ...sampler, rtol: options.rtol, atol: options.atol, norm: options.norm }),
});

/** The flow sampler plugins. */
export const flowPlugins = [flowEulerPlugin, flowHeunPlugin, flowRk45Plugin] as const;
