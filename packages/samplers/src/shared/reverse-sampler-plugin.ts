import { type PluginContext, type Stage, definePlugin } from '@scoreflow/core';
import { z } from 'zod';
import { reverseSamplerShape } from './options.js';
import type { ReverseSamplerOptions } from './reverse-sampler.js';
import { resolveSampler } from './resolve-sampler.js';
import { type DeviceConfig, acceleratedReverseStage, resolveDevice } from './accelerated-stage.js';

type CommonShape = ReturnType<typeof reverseSamplerShape>;

/** What a reverse sampler plugin adds to the common options (see `reverseSamplerPlugin`). */
export interface ReverseSamplerPluginSpec<Own extends z.ZodRawShape> {
  readonly name: string;
  /** One line for `scoreflow list`. */
  readonly description: string;
  /** The defaults of the common options `steps`, `snapshotEvery` and `tEnd`. */
  readonly defaults: { readonly steps: number; readonly snapshotEvery: number; readonly tEnd: number };
  /** The sampler's own options (zod), which may also replace a common one. */
  readonly options?: Own;
  /** Builds the stage from the resolved common options (SDE, score model, times, ...) and all the parsed options. */
  create(sampler: ReverseSamplerOptions, options: z.output<z.ZodObject<CommonShape & Own>>, ctx: PluginContext): Stage;
}

/**
 * A stage plugin of a reverse sampler: the common options of every reverse sampler
 * (`reverseSamplerShape`) plus its own, resolved through `resolveSampler`, in one place, so that a
 * sampler's plugin says only its name, defaults, own options and how to call the sampler. With
 * `device: webgpu` (or the run's `device`) the run's accelerator takes the stage instead
 * (`acceleratedReverseStage`).
 *
 * @example
 * export const odeEulerPlugin = reverseSamplerPlugin({
 *   name: 'ode-euler', description: '...', defaults: { steps: 100, snapshotEvery: 10, tEnd: 1e-3 },
 *   create: (sampler) => odeEuler(sampler),
 * });
 */
export function reverseSamplerPlugin<Own extends z.ZodRawShape = Record<never, never>>(spec: ReverseSamplerPluginSpec<Own>) {
  const shape = { ...reverseSamplerShape(spec.defaults), ...spec.options } as CommonShape & Own;
  return definePlugin({
    kind: 'stage',
    name: spec.name,
    description: spec.description,
    options: z.strictObject(shape),
    create: (options, ctx) => {
      const sampler = resolveSampler(options as CommonSamplerOptions, ctx);
      const device = options as DeviceConfig;
      if (resolveDevice(device.device, ctx) === 'webgpu') return acceleratedReverseStage(spec.name, sampler, device, ctx);
      return spec.create(sampler, options as z.output<z.ZodObject<CommonShape & Own>>, ctx);
    },
  });
}

type CommonSamplerOptions = z.output<z.ZodObject<CommonShape>>;
