import type { Rng, Stage } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { hmc } from './hmc.js';
import { mala } from './mala.js';
import type { McmcStats } from './mcmc-options.js';
import { CORRELATED, gaussianTarget } from './testing/gaussian-target.js';
import { initialBatches, runChains } from './testing/run-chains.js';

type Make = (options: { rng: Rng; steps: number; stepSize: number; onBatchDone: (stats: McmcStats) => void }) => Stage;

const target = () => gaussianTarget(CORRELATED.mean, CORRELATED.covariance);

/** The gradient samplers, a step size at which their Metropolis-Hastings log ratio is tiny, and why. */
const samplers: [string, Make, number, number][] = [
  // The leapfrog energy error is O(eps^2) over a trajectory (Neal 2011, section 5.2.3.3).
  ['hmc', (options) => hmc({ target: target(), warmup: 0, adapt: false, ...options }), 1e-3, 100],
  // The MH log ratio of MALA is O(h^(3/2)) per step on a smooth target (Roberts and Tweedie 1996).
  ['mala', (options) => mala({ target: target(), warmup: 0, adapt: false, ...options }), 1e-4, 200],
];

describe('hmc and mala with a tiny step size', () => {
  it.each(samplers)('%s accepts almost every proposal (adapt off, step %f): acceptance > 0.99', async (_name, make, stepSize, steps) => {
    const { stats } = await runChains(
      (rng, onBatchDone) => make({ rng, steps, stepSize, onBatchDone }),
      (rng) => initialBatches(rng, 500, 2, [0, 0], 2),
    );
    expect(stats.acceptance).toBeGreaterThan(0.99);
  });
});
