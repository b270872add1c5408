import { describe, expect, it } from 'vitest';
import { mala } from './mala.js';
import { CORRELATED, gaussianTarget } from './testing/gaussian-target.js';
import { initialBatches, runChains } from './testing/run-chains.js';

describe('mala', () => {
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
