import { DEVICES, pluginConfigSchema } from '@scoreflow/core';
import { z } from 'zod';

/** Option schemas shared by the samplers, so that every sampler reads the same in a config. */
export const samplerOptions = {
  steps: (fallback: number) => z.number().int().min(1).max(1_000_000).default(fallback).describe('number of steps'),
  snapshotEvery: (fallback: number) =>
    z.number().int().min(1).default(fallback).describe('emit a snapshot every this many steps (and after the last)'),
  includeInitial: z.boolean().default(true).describe('also emit the particles before the first step'),
  grid: pluginConfigSchema.default({ type: 'uniform' }).describe('a time-grid config: uniform, geometric, karras, ddpm, times'),
  tStart: z.number().positive().optional().describe("start time; the SDE's T by default"),
  tEnd: (fallback: number) => z.number().min(0).default(fallback).describe('end time of the reverse process'),
  sde: pluginConfigSchema.optional().describe("an SDE config; defaults to the pipeline's `sde`"),
  score: pluginConfigSchema.describe('a score-model config, e.g. { type: gaussian-mixture, preset: double-gaussian }'),
  device: z.enum(DEVICES).optional().describe("where the stage runs: cpu, or webgpu (a GPU through WebGPU); the run's `device` by default"),
  fused: z.boolean().optional().describe('webgpu: take all the steps between two snapshots in one dispatch, each particle in registers (default false)'),
};

/** The common options of a reverse sampler plugin, as parsed. */
export const reverseSamplerShape = (defaults: { steps: number; snapshotEvery: number; tEnd: number }) => ({
  score: samplerOptions.score,
  steps: samplerOptions.steps(defaults.steps),
  grid: samplerOptions.grid,
  tStart: samplerOptions.tStart,
  tEnd: samplerOptions.tEnd(defaults.tEnd),
  snapshotEvery: samplerOptions.snapshotEvery(defaults.snapshotEvery),
  includeInitial: samplerOptions.includeInitial,
  sde: samplerOptions.sde,
  device: samplerOptions.device,
  fused: samplerOptions.fused,
});

/**
 * The defaults and own option of a stochastic reverse sampler (ancestral, euler-maruyama,
 * reverse-diffusion), to spread into its `reverseSamplerPlugin` spec: 500 steps, a snapshot every
 * 50, tEnd 1e-3, and `noiseRemoval` (default true; `about` describes it), with the sampler's `own`
 * options besides.
 */
export const stochasticSamplerSpec = <Own extends z.ZodRawShape = Record<never, never>>(about = 'take the last step without noise', own?: Own) => ({
  defaults: { steps: 500, snapshotEvery: 50, tEnd: 1e-3 },
  options: { noiseRemoval: z.boolean().default(true).describe(about), ...own } as { noiseRemoval: z.ZodDefault<z.ZodBoolean> } & NoInfer<Own>,
});

/**
 * The defaults and own option of a sampler with DDIM's eta (ddim, euler-ancestral), to spread into
 * its `reverseSamplerPlugin` spec: 50 steps, a snapshot every 10, tEnd 1e-3, and `eta` (>= 0,
 * default `fallback`; `about` describes it).
 */
export const etaSamplerSpec = (fallback: number, about: string) => ({
  defaults: { steps: 50, snapshotEvery: 10, tEnd: 1e-3 },
  options: { eta: z.number().min(0).default(fallback).describe(about) },
});
