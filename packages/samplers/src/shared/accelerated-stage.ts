import { type AcceleratedStageSpec, ConfigError, type Device, type PluginContext, type Sde, type SdeCoefficients, type Stage } from '@scoreflow/core';
import type { ReverseSamplerOptions } from './reverse-sampler.js';

/** Where a stage with `device` unset runs: the run's `device` (the config's run-level option), else the CPU. */
export const resolveDevice = (device: Device | undefined, ctx: PluginContext): Device => device ?? ctx.run.device ?? 'cpu';

/**
 * The SDE at each of `times` as a device reads it: a(t), g(t), m(t), s(t) in float64. A device
 * takes only a linear drift f = a(t) x: an SDE without `driftCoefficient` is a `ConfigError` at
 * `path`.
 */
export function sdeCoefficients(sde: Sde, times: Float64Array, path: string): SdeCoefficients {
  const { driftCoefficient } = sde;
  if (driftCoefficient === undefined) {
    throw new ConfigError(`The stage at ${path} cannot run on webgpu`, [
      { path: `${path}.device`, message: `webgpu takes an SDE with a linear drift f = a(t) x, and '${sde.name}' gives no drift coefficient: use device: cpu` },
    ]);
  }
  const at = <T>(f: (t: number) => T) => Array.from(times, f);
  const marginals = at((t) => sde.marginal(t));
  return {
    drift: Float64Array.from(at((t) => driftCoefficient.call(sde, t))),
    diffusion: Float64Array.from(at((t) => sde.diffusion(t))),
    mean: Float64Array.from(marginals, (m) => m.mean),
    std: Float64Array.from(marginals, (m) => m.std),
  };
}

/**
 * The run's accelerator's stage for `spec` (`device: webgpu`): a `ConfigError` at `path.device`
 * when the run has no accelerator (the app acquires one when a stage or the run asks for webgpu),
 * and whatever the accelerator rejects (a score it cannot evaluate, a dimension too large).
 */
export function acceleratedStage(spec: Omit<AcceleratedStageSpec, 'path' | 'seed'>, ctx: PluginContext): Stage {
  const { accelerator } = ctx.run;
  if (accelerator === undefined) {
    throw new ConfigError(`The stage at ${ctx.path} asks for device webgpu`, [
      {
        path: `${ctx.path}.device`,
        message: 'webgpu needs a WebGPU device and this run has none (the scoreflow CLI acquires one when a stage or the run sets device: webgpu): use device: cpu',
      },
    ]);
  }
  return accelerator.stage({ ...spec, path: ctx.path, seed: ctx.run.seed });
}

/** The device options of a reverse sampler, as parsed (`samplerOptions.device`, `samplerOptions.fused`). */
export interface DeviceConfig {
  readonly device?: Device;
  readonly fused?: boolean;
  readonly noiseRemoval?: boolean;
  readonly space?: 'sigma' | 'time';
}

/**
 * A reverse sampler's stage on the run's accelerator: its resolved options (times, SDE, score)
 * described as an `AcceleratedStageSpec` for the sampler `name` (its plugin name, which names the
 * method and keys its noise as on the CPU).
 */
export function acceleratedReverseStage(name: string, sampler: ReverseSamplerOptions, options: DeviceConfig, ctx: PluginContext): Stage {
  const { times, score } = sampler;
  return acceleratedStage(
    {
      name,
      method: name as AcceleratedStageSpec['method'],
      times,
      sde: sdeCoefficients(sampler.sde, times, ctx.path),
      dim: score.dim,
      ...(score.describe === undefined ? {} : { score: score.describe() }),
      snapshotEvery: sampler.snapshotEvery ?? 1,
      includeInitial: sampler.includeInitial ?? true,
      fused: options.fused ?? false,
      options: { noiseRemoval: options.noiseRemoval, space: options.space },
      signal: sampler.signal,
    },
    ctx,
  );
}
