import { DEVICES, pluginConfigSchema } from '@scoreflow/core';
import { z } from 'zod';
import { PARTICLE_FORMATS } from '../output/particle-output.js';

/** A config's `name`: it names the output folder, so at most 100 letters, digits, ".", "_" and "-". */
export const configName = z
  .string()
  .max(100, 'use at most 100 characters (it names the output folder)')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'use letters, digits, ".", "_" and "-" (it names the output folder)');

/**
 * The run config (YAML or JSON): which plugins to wire and how many particles to push through
 * them. Plugins are named by `type`; their options sit beside it. See the README's "Config format".
 */
export const runConfigSchema = z.strictObject({
  name: configName.describe('name of the run; the default output folder is out/NAME'),
  description: z.string().optional().describe('one line about the run'),
  seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0).describe('seed of every random number'),
  particles: z.number().int().min(1).max(100_000_000).default(10_000).describe('number of particles'),
  batchSize: z.number().int().min(1).max(16_777_216).default(65_536).describe('particles per batch'),
  dim: z.number().int().min(1).default(2).describe('dimension of the particles'),
  sde: pluginConfigSchema.optional().describe('the forward SDE shared by the stages and score models'),
  source: pluginConfigSchema.describe('the data source the particles start from'),
  pipeline: z.array(pluginConfigSchema).default([]).describe('stages, in order; each continues from the last snapshot of the one before'),
  device: z.enum(DEVICES).optional().describe("where the stages run unless their own `device` says: cpu, or webgpu (a GPU through WebGPU; see the README's GPU section)"),
  reference: pluginConfigSchema.optional().describe("a data source for the target; snapshots at time t are compared with it pushed through the SDE's marginal at t"),
  metrics: z.array(pluginConfigSchema).default([]).describe('metrics of every snapshot against the reference'),
  measure: z
    .strictObject({
      particles: z.number().int().min(2).default(10_000).describe('particles (lowest ids) measured per snapshot'),
      referenceParticles: z.number().int().min(2).default(10_000).describe('size of the reference sample'),
      chains: z.number().int().min(1).default(64).describe('MCMC chains (lowest ids) whose traces give bulk ESS and split R-hat'),
    })
    .default({ particles: 10_000, referenceParticles: 10_000, chains: 64 }),
  figures: z
    .array(pluginConfigSchema)
    .default([])
    .describe('PNG and GIF figures written into the output folder at the end of the run (also after an interruption)'),
  output: z
    .strictObject({
      format: z.enum(PARTICLE_FORMATS).default('arrow').describe('the particle file: arrow (trajectories.arrow, Arrow IPC) or parquet (trajectories.parquet); --format on the command line'),
    })
    .optional()
    .describe('what the run writes into its output folder'),
});

export type RunConfig = z.output<typeof runConfigSchema>;
