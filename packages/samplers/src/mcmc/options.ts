import { pluginConfigSchema } from '@scoreflow/core';
import { z } from 'zod';
import { samplerOptions } from '../shared/options.js';
import { engineOption } from '../wasm/engine-option.js';

/**
 * The options every MCMC sampler plugin takes, with the sampler's own default step size and
 * target acceptance (undefined: the sampler's rule, e.g. RWM's 0.44 in 1-D and 0.234 otherwise).
 */
export const mcmcShape = (defaults: { stepSize: number; targetAcceptance?: number }) => ({
  target: pluginConfigSchema.describe('a target config, e.g. { type: banana } or { type: gaussian-mixture, preset: double-gaussian }'),
  warmup: z.number().int().min(0).max(1_000_000).default(500).describe('warm-up iterations (step-size adaptation), not emitted'),
  steps: z.number().int().min(1).max(1_000_000).default(1000).describe('post-warm-up iterations'),
  thin: z.number().int().min(1).max(1_000_000).default(1).describe('emit a snapshot every this many post-warm-up iterations (and after the last)'),
  includeWarmup: z.boolean().default(false).describe('also emit the initial state and warm-up iterations, at steps -warmup .. 0'),
  init: z
    .strictObject({ point: z.array(z.number()).min(1).describe('the initial state of every chain') })
    .optional()
    .describe("start every chain at one point; otherwise the chains start at the pipeline source's particles"),
  stepSize: z.number().positive().default(defaults.stepSize).describe('initial step size of each chain'),
  adapt: z.boolean().default(true).describe('adapt the step size of each chain during warm-up by dual averaging'),
  targetAcceptance:
    defaults.targetAcceptance === undefined
      ? z.number().gt(0).lt(1).optional().describe('acceptance rate the adaptation aims at; 0.44 in 1-D, 0.234 otherwise')
      : z.number().gt(0).lt(1).default(defaults.targetAcceptance).describe('acceptance rate the adaptation aims at'),
  engine: engineOption('on the CPU: auto (the WebAssembly SIMD kernel where it gives the same bytes: a 2-component Gaussian mixture target in 2-D), typescript, or wasm'),
  device: samplerOptions.device,
  fused: samplerOptions.fused,
});
