import { pluginConfigSchema } from '@scoreflow/core';
import { z } from 'zod';
import { SPACINGS } from './time-grid.js';

/** Option schemas shared by the samplers, so that every sampler reads the same in a config. */
export const samplerOptions = {
  steps: (fallback: number) => z.number().int().min(1).max(1_000_000).default(fallback).describe('number of steps'),
  snapshotEvery: (fallback: number) =>
    z.number().int().min(1).default(fallback).describe('emit a snapshot every this many steps (and after the last)'),
  includeInitial: z.boolean().default(true).describe('also emit the particles before the first step'),
  spacing: z.enum(SPACINGS as [string, ...string[]]).default('uniform').describe('time grid: uniform or geometric in t'),
  sde: pluginConfigSchema.optional().describe("an SDE config; defaults to the pipeline's `sde`"),
  score: pluginConfigSchema.describe('a score-model config, e.g. { type: gaussian-mixture, preset: double-gaussian }'),
};
