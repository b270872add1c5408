import { definePlugin } from '@scoreflow/core';
import { z } from 'zod';
import { resolveSde } from '../shared/resolve-sde.js';
import { samplerOptions } from '../shared/options.js';
import { acceleratedStage, resolveDevice, sdeCoefficients } from '../shared/accelerated-stage.js';
import { forwardDiffusion, forwardTimes } from './forward-diffusion.js';

/** `forward`: the noising process from data, exact or by Euler-Maruyama (see `forwardDiffusion`). */
export const forwardPlugin = definePlugin({
  kind: 'stage',
  name: 'forward',
  description: 'Forward SDE from the data: exact Gaussian transitions or Euler-Maruyama, with snapshots.',
  options: z.strictObject({
    steps: samplerOptions.steps(100),
    snapshotEvery: samplerOptions.snapshotEvery(10),
    includeInitial: samplerOptions.includeInitial,
    method: z.enum(['exact', 'euler-maruyama']).default('exact').describe('exact transition or Euler-Maruyama'),
    tEnd: z.number().positive().optional().describe("end time; the SDE's T by default"),
    sde: samplerOptions.sde,
    device: samplerOptions.device,
    fused: samplerOptions.fused,
  }),
  create: (options, ctx) => {
    const sde = resolveSde(options.sde, ctx);
    if (resolveDevice(options.device, ctx) === 'webgpu') {
      const times = forwardTimes(options.steps, 0, options.tEnd ?? sde.T);
      return acceleratedStage(
        {
          name: 'forward',
          method: 'forward',
          times,
          sde: sdeCoefficients(sde, times, ctx.path),
          dim: ctx.run.dim,
          snapshotEvery: options.snapshotEvery,
          includeInitial: options.includeInitial,
          fused: options.fused ?? false,
          options: { forward: options.method },
          signal: ctx.run.signal,
        },
        ctx,
      );
    }
    return forwardDiffusion({
      sde,
      rng: ctx.run.rng,
      steps: options.steps,
      tEnd: options.tEnd,
      method: options.method,
      snapshotEvery: options.snapshotEvery,
      includeInitial: options.includeInitial,
      signal: ctx.run.signal,
    });
  },
});
