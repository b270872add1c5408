import { describe, expect, it } from 'vitest';
import { mala } from './mala.js';
import { CORRELATED, gaussianTarget } from './testing/gaussian-target.js';
import { initialBatches, runChains } from './testing/run-chains.js';

describe('mala', () => {
  it('accepts almost every proposal for a tiny step size (h = 1e-4, adapt off): acceptance > 0.99', async () => {
    // The MH log ratio of MALA is O(h^(3/2)) per step on a smooth target (Roberts and Tweedie 1996).
    const { stats } = await runChains(
      (rng, onBatchDone) => mala({ target: gaussianTarget(CORRELATED.mean, CORRELATED.covariance), rng, warmup: 0, steps: 200, adapt: false, stepSize: 1e-4, onBatchDone }),
      (rng) => initialBatches(rng, 500, 2, [0, 0], 2),
    );
    expect(stats.acceptance).toBeGreaterThan(0.99);
  });

  it('counts one density and one gradient per iteration and chain, plus the initial state', async () => {
    const target = gaussianTarget(CORRELATED.mean, CORRELATED.covariance);
    const { stats } = await runChains(
      (rng, onBatchDone) => mala({ target, rng, warmup: 4, steps: 6, onBatchDone }),
      (rng) => initialBatches(rng, 10, 2, [0, 0], 1),
    );
    expect(stats.evaluations).toBe(2 * 11);
    expect(stats.gradientEvaluations).toBe(11);
    expect(target.gradientCalls).toBe(11);
  });
});
