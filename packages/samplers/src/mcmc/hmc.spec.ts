import { createRng } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { hmc } from './hmc.js';
import { CORRELATED, gaussianTarget } from './testing/gaussian-target.js';
import { initialBatches, runChains } from './testing/run-chains.js';

describe('hmc', () => {
  it('counts L gradients and one density per iteration and chain, plus the initial state', async () => {
    const target = gaussianTarget(CORRELATED.mean, CORRELATED.covariance);
    const { stats } = await runChains(
      (rng, onBatchDone) => hmc({ target, rng, warmup: 3, steps: 4, leapfrogSteps: 5, onBatchDone }),
      (rng) => initialBatches(rng, 10, 2, [0, 0], 1),
    );
    expect(stats.gradientEvaluations).toBe(1 + 5 * 7);
    expect(stats.evaluations).toBe(1 + 5 * 7 + 1 + 7);
    expect(target.densityCalls).toBe(8);
  });

  it('rejects a number of leapfrog steps below 1 when created', () => {
    expect(() => hmc({ target: gaussianTarget([0], [[1]]), rng: createRng(0), leapfrogSteps: 0 })).toThrow(/leapfrogSteps must be an integer >= 1, got 0/);
  });
});
