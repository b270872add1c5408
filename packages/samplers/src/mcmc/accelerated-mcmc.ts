import type { PluginContext, Stage } from '@scoreflow/core';
import { type DeviceConfig, acceleratedStage, resolveDevice } from '../shared/accelerated-stage.js';
import type { McmcOptions } from './mcmc-options.js';
import { type CommonMcmcConfig, resolveMcmc } from './resolve-mcmc.js';

/** An MCMC plugin's parsed options with the device options (and HMC's leapfrog steps). */
export type McmcPluginConfig = CommonMcmcConfig & DeviceConfig & { readonly leapfrogSteps?: number };

/**
 * An MCMC plugin's stage: `cpu(resolved)` on the CPU, or with `device: webgpu` (its own or the
 * run's) the run's accelerator's, from the same resolved options (the target described as data,
 * `targetAcceptance` resolved by the sampler's rule `targetAcceptance(dim)` when the options give none).
 */
export function mcmcStage(name: 'random-walk-metropolis' | 'mala' | 'hmc', options: McmcPluginConfig, ctx: PluginContext, targetAcceptance: (dim: number) => number, cpu: (mcmc: McmcOptions) => Stage): Stage {
  const resolved = resolveMcmc(options, ctx);
  if (resolveDevice(options.device, ctx) !== 'webgpu') return cpu(resolved);
  const { target } = resolved;
  return acceleratedStage(
    {
      name,
      method: name,
      times: new Float64Array(0),
      dim: target.dim,
      ...(target.describe === undefined ? {} : { target: target.describe() }),
      snapshotEvery: options.thin,
      includeInitial: options.includeWarmup,
      fused: options.fused ?? false,
      options: {},
      chains: {
        steps: options.steps,
        warmup: options.warmup,
        thin: options.thin,
        includeWarmup: options.includeWarmup,
        stepSize: options.stepSize,
        adapt: options.adapt,
        targetAcceptance: options.targetAcceptance ?? targetAcceptance(target.dim),
        ...(options.leapfrogSteps === undefined ? {} : { leapfrogSteps: options.leapfrogSteps }),
        ...(options.init === undefined ? {} : { init: options.init }),
      },
      signal: ctx.run.signal,
    },
    ctx,
  );
}
