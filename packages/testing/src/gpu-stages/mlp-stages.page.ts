/**
 * Page side of mlp-stages.spec.ts: the twin runs of gpu-stages.page.ts with a score network, a
 * small MLP with its initial (random) weights, evaluated by TF.js's cpu backend on the CPU and
 * through its description (`networkScore(...).describe()`) by the WGSL MLP on the GPU.
 */
import { definePlugin } from '@scoreflow/core';
import { createBrowserRegistry } from '@scoreflow/catalogue';
import { mlpScoreNetwork, networkScore, selectBackend } from '@scoreflow/score-nets';
import { z } from 'zod';
import { type TwinCase, type TwinRun, runTwinIn } from './gpu-stages.page.js';

/** `{ type: random-mlp, width, depth, output, seed }`: score-nets' MLP score network with its seeded initial weights. */
const randomMlpPlugin = definePlugin({
  kind: 'score-model',
  name: 'random-mlp',
  description: 'an MLP score network with its initial weights (a test stand-in for a trained one)',
  options: z.strictObject({
    width: z.number().int().min(1).default(16),
    depth: z.number().int().min(1).default(2),
    output: z.enum(['eps', 'score', 'denoiser']).default('eps'),
    seed: z.number().int().default(0),
  }),
  create: (options, ctx) => {
    if (ctx.sde === undefined) throw new Error('random-mlp needs the stage\'s SDE');
    return networkScore(mlpScoreNetwork({ dim: ctx.run.dim, ...options }), ctx.sde);
  },
});

const registry = createBrowserRegistry([randomMlpPlugin]);
const backend = selectBackend('cpu');

/** `runTwin` of gpu-stages.page.ts where a stage's score may be `{ type: random-mlp, ... }`. */
export async function runMlpTwin(twin: TwinCase, device: 'cpu' | 'webgpu'): Promise<TwinRun> {
  await backend;
  return runTwinIn(registry, twin, device);
}
