import { describe, expect, it } from 'vitest';
import { randomWalkMetropolis, rwmTargetAcceptance } from './random-walk-metropolis.js';
import { gaussianTarget } from './testing/gaussian-target.js';
import { initialBatches, runChains } from './testing/run-chains.js';

describe('randomWalkMetropolis', () => {
  it('aims at 0.44 in one dimension and 0.234 above (Gelman, Roberts and Gilks 1996; Roberts, Gelman and Gilks 1997)', () => {
    expect([1, 2, 10].map(rwmTargetAcceptance)).toEqual([0.44, 0.234, 0.234]);
  });

  it('adapts a 1-D chain to acceptance 0.44 within 0.05 (1000 chains x 500 draws)', async () => {
    const { stats } = await runChains(
      (rng, onBatchDone) => randomWalkMetropolis({ target: gaussianTarget([3], [[4]]), rng, warmup: 500, steps: 500, onBatchDone }),
      (rng) => initialBatches(rng, 1000, 1, [0], 1),
    );
    // The acceptance of 500,000 dependent accept indicators: SE < 0.01 even at an ESS of 5,000.
    expect(Math.abs(stats.acceptance - 0.44)).toBeLessThan(0.05);
    // Optimal proposal scale for N(0, sigma^2) in 1-D: about 2.4 sigma (Gelman et al. 1996).
    expect(stats.stepSize).toBeGreaterThan(2 * 2);
    expect(stats.stepSize).toBeLessThan(2 * 3.5);
  });

  it('counts 1 + warmup + steps density evaluations and no gradient per chain', async () => {
    const target = gaussianTarget([0, 0], [[1, 0], [0, 1]]);
    const { stats } = await runChains(
      (rng, onBatchDone) => randomWalkMetropolis({ target, rng, warmup: 7, steps: 5, onBatchDone }),
      (rng) => initialBatches(rng, 30, 2, [0, 0], 1, 16),
    );
    expect(stats.evaluations).toBe(13);
    expect(stats.gradientEvaluations).toBe(0);
    expect(target.densityCalls).toBe(2 * 13);
  });

  it('keeps its step size when adapt is false', async () => {
    const { stats } = await runChains(
      (rng, onBatchDone) => randomWalkMetropolis({ target: gaussianTarget([0], [[1]]), rng, warmup: 20, steps: 5, adapt: false, stepSize: 0.7, onBatchDone }),
      (rng) => initialBatches(rng, 10, 1, [0], 1),
    );
    expect(stats.stepSize).toBeCloseTo(0.7, 12);
  });
});
