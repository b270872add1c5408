import { ParticleBatchError, type Stage, createRng } from '@scoreflow/core';
import { tableFromArrays } from 'apache-arrow';
import { from, lastValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { forwardDiffusion } from '../forward/forward-diffusion.js';
import { randomWalkMetropolis } from '../mcmc/random-walk-metropolis.js';
import { gaussianTarget } from '../mcmc/testing/gaussian-target.js';
import { eulerMaruyama } from '../reverse-sde/euler-maruyama.js';
import { gaussianScore } from '../testing/gaussian.js';
import { linearSde } from '../testing/linear-sde.js';
import { uniformTimes } from '../testing/times.js';

const sde = linearSde({ beta: 1 });
const stages: Record<string, Stage> = {
  'euler-maruyama': eulerMaruyama({ sde, score: gaussianScore(sde, 2, 0, 1), rng: createRng(1), times: uniformTimes(1, 0.01, 4) }),
  forward: forwardDiffusion({ sde, rng: createRng(1), steps: 4 }),
  'random-walk-metropolis': randomWalkMetropolis({ target: gaussianTarget([0, 0], [[1, 0], [0, 1]]), rng: createRng(1), steps: 4 }),
};

// An Arrow batch of points, but not of particles: no id, step or t, and x a plain Float32 column.
const points = tableFromArrays({ x: Float32Array.from([1, 2, 3]) }).batches[0];

describe('a stage fed something that is not a particle batch', () => {
  for (const [name, stage] of Object.entries(stages)) {
    it(`${name} fails at its entry with a ParticleBatchError naming it and the missing column`, async () => {
      const run = lastValueFrom(from([points]).pipe(stage));
      await expect(run).rejects.toThrow(ParticleBatchError);
      await expect(lastValueFrom(from([points]).pipe(stage))).rejects.toThrow(new RegExp(`^${name}: expects particle batches .*; column 'id' is missing \\(columns: x\\)\\.$`));
    });
  }
});
