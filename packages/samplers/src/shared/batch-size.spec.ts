import type { Stage } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import type { ReverseSamplerOptions } from './reverse-sampler.js';
import { ancestral } from '../ancestral/ancestral.js';
import { annealedLangevin } from '../langevin/annealed-langevin.js';
import { predictorCorrector } from '../reverse-sde/predictor-corrector.js';
import { reverseDiffusion } from '../reverse-sde/reverse-diffusion.js';
import { gaussianProblem, runProblem } from '../testing/gaussian-problem.js';

const samplers: Record<string, (options: ReverseSamplerOptions) => Stage> = {
  'reverse-diffusion': reverseDiffusion,
  ancestral,
  'predictor-corrector': (options) => predictorCorrector({ ...options, correctorSteps: 2 }),
  'predictor-corrector (per-particle step sizes)': (options) => predictorCorrector({ ...options, stepSize: 'per-particle' }),
  'annealed-langevin': (options) => annealedLangevin({ ...options, stepsEach: 2 }),
};

describe('stochastic samplers', () => {
  for (const [name, make] of Object.entries(samplers)) {
    it(`${name} gives the same particles whatever the batch size`, async () => {
      const problem = gaussianProblem({ beta: 1 });
      const run = async (batchSize: number) => (await runProblem(problem, make, { steps: 5, n: 3000, batchSize })).x;
      expect(await run(700)).toEqual(await run(3000));
    });
  }
});
