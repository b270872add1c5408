import { createRng } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { hmc } from './hmc.js';
import { CORRELATED, gaussianTarget } from './testing/gaussian-target.js';
import { initialBatches, runChains } from './testing/run-chains.js';

describe('hmc', () => {
  it('accepts almost every proposal for a tiny step size (eps = 1e-3, adapt off): acceptance > 0.99', async () => {
    // The leapfrog energy error is O(eps^2) over a trajectory (Neal 2011, section 5.2.3.3).
    const { stats } = await runChains(
      (rng, onBatchDone) => hmc({ target: gaussianTarget(CORRELATED.mean, CORRELATED.covariance), rng, warmup: 0, steps: 100, adapt: false, stepSize: 1e-3, onBatchDone }),
      (rng) => initialBatches(rng, 500, 2, [0, 0], 2),
    );
    expect(stats.acceptance).toBeGreaterThan(0.99);
  });

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
