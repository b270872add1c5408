import { type PluginContext, type Stage, definePlugin, pluginConfigSchema } from '@scoreflow/core';
import { z } from 'zod';
import { samplerOptions } from '../shared/options.js';
import { type FlowSamplerOptions, flowTimes } from './flow-sampler.js';

/** The options every flow sampler plugin shares. */
const flowShape = (defaults: { steps: number; snapshotEvery: number }) => ({
  velocity: pluginConfigSchema.describe('a velocity-model config, e.g. { type: mixture-flow, target: { preset: eight-gaussians } } or { type: network, checkpoint: ... }'),
  steps: samplerOptions.steps(defaults.steps),
  tStart: z.number().min(0).lt(1).default(0).describe('start time of the flow (the source is at t = 0)'),
  tEnd: z.number().gt(0).max(1).default(1).describe('end time of the flow (the target is at t = 1)'),
  snapshotEvery: samplerOptions.snapshotEvery(defaults.snapshotEvery),
  includeInitial: samplerOptions.includeInitial,
});

type FlowShape = ReturnType<typeof flowShape>;

/** What a flow sampler plugin adds to the common options (see `flowSamplerPlugin`). */
export interface FlowSamplerPluginSpec<Own extends z.ZodRawShape> {
  readonly name: string;
  /** One line for `scoreflow list`. */
  readonly description: string;
  readonly defaults: { readonly steps: number; readonly snapshotEvery: number };
  readonly options?: Own;
  create(sampler: FlowSamplerOptions, options: z.output<z.ZodObject<FlowShape & Own>>, ctx: PluginContext): Stage;
}

/**
 * A stage plugin of a flow sampler: the options every flow sampler shares (`velocity`, `steps`,
 * `tStart`, `tEnd`, the snapshot options) plus its own, resolved in one place: the velocity model
 * through the registry (kind `velocity-model`) and the evenly spaced times.
 */
export function flowSamplerPlugin<Own extends z.ZodRawShape = Record<never, never>>(spec: FlowSamplerPluginSpec<Own>) {
  const shape = { ...flowShape(spec.defaults), ...spec.options } as FlowShape & Own;
  return definePlugin({
    kind: 'stage',
    name: spec.name,
    description: spec.description,
    options: z.strictObject(shape).refine((o) => (o as { tStart: number; tEnd: number }).tStart < (o as { tEnd: number }).tEnd, {
      path: ['tEnd'],
      message: 'must be greater than tStart',
    }),
    create(options, ctx) {
      const common = options as z.output<z.ZodObject<FlowShape>>;
      const sampler: FlowSamplerOptions = {
        velocity: ctx.create('velocity-model', common.velocity, `${ctx.path}.velocity`),
        rng: ctx.run.rng,
        times: flowTimes(common.steps, common.tStart, common.tEnd),
        snapshotEvery: common.snapshotEvery,
        includeInitial: common.includeInitial,
        signal: ctx.run.signal,
      };
      return spec.create(sampler, options as z.output<z.ZodObject<FlowShape & Own>>, ctx);
    },
  });
}
