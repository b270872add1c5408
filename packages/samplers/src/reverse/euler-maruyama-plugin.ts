import { definePlugin } from '@scoreflow/core';
import { z } from 'zod';
import { resolveSde } from '../shared/resolve-sde.js';
import { samplerOptions } from '../shared/options.js';
import type { Spacing } from '../shared/time-grid.js';
import { eulerMaruyama } from './euler-maruyama.js';

/** `euler-maruyama`: the reverse-time SDE from the prior with a score model (see `eulerMaruyama`). */
export const eulerMaruyamaPlugin = definePlugin({
  kind: 'stage',
  name: 'euler-maruyama',
  description: "Reverse-time SDE (Anderson 1982) by Euler-Maruyama, steered by a score model.",
  options: z.strictObject({
    score: samplerOptions.score,
    steps: samplerOptions.steps(500),
    snapshotEvery: samplerOptions.snapshotEvery(50),
    includeInitial: samplerOptions.includeInitial,
    spacing: samplerOptions.spacing,
    tStart: z.number().positive().optional().describe("start time; the SDE's T by default"),
    tEnd: z.number().positive().default(1e-3).describe('end time, > 0 so that the score stays finite'),
    denoise: z.boolean().default(true).describe('take the last step without noise'),
    sde: samplerOptions.sde,
  }),
  create: (options, ctx) => {
    const sde = resolveSde(options.sde, ctx);
    return eulerMaruyama({
      sde,
      score: ctx.create('score-model', options.score, `${ctx.path}.score`, sde),
      rng: ctx.run.rng,
      steps: options.steps,
      tStart: options.tStart,
      tEnd: options.tEnd,
      spacing: options.spacing as Spacing,
      denoise: options.denoise,
      snapshotEvery: options.snapshotEvery,
      includeInitial: options.includeInitial,
      signal: ctx.run.signal,
    });
  },
});
