import type { Stage } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { hmc } from './hmc.js';
import { mala } from './mala.js';
import type { McmcOptions } from './mcmc-options.js';
import { randomWalkMetropolis } from './random-walk-metropolis.js';
import { gaussianTarget } from './testing/gaussian-target.js';
import { initialBatches, runChains } from './testing/run-chains.js';

/**
 * Detailed balance, tested through its consequence: a kernel that satisfies it leaves its target
 * invariant, so 20,000 chains started from exact draws of N(2, 1.5^2) (no warm-up, fixed step
 * sizes) still have that law after each of 10 iterations. At every snapshot the chains are
 * independent, so the ESS is exactly 20,000: tolerances are five standard errors of the mean
 * (5 sigma / sqrt(n) = 0.053) and of the variance (5 sigma^2 sqrt(2 / n) = 0.11).
 *
 * The step sizes are large so that a wrong correction shows: without its Metropolis test, MALA
 * with h = 4.5 is the unadjusted Langevin chain whose stationary variance is
 * sigma^2 / (1 - h / (4 sigma^2)) = 4.5 instead of 2.25, and leapfrog with eps = 2, L = 3 keeps the
 * shadow Hamiltonian p^2 (1 - eps^2 / (4 sigma^2)) / 2 + q^2 / (2 sigma^2), not H.
 */
const MU = 2;
const SIGMA = 1.5;
const CHAINS = 20_000;
const STEPS = 10;
const cases: { name: string; make: (options: McmcOptions) => Stage; stepSize: number }[] = [
  { name: 'random-walk-metropolis', make: randomWalkMetropolis, stepSize: 4 },
  { name: 'mala', make: mala, stepSize: 4.5 },
  { name: 'hmc', make: (options) => hmc({ ...options, leapfrogSteps: 3 }), stepSize: 2 },
];

describe('MCMC kernels leave their target invariant', () => {
  it.each(cases)('$name: chains started from N(2, 1.5^2) keep that law for 10 iterations', async ({ make, stepSize }) => {
    const target = gaussianTarget([MU], [[SIGMA * SIGMA]]);
    const { draws, stats } = await runChains(
      (rng, onBatchDone) => make({ target, rng, warmup: 0, steps: STEPS, adapt: false, stepSize, onBatchDone }),
      (rng) => initialBatches(rng, CHAINS, 1, [MU], SIGMA),
    );
    expect([...draws.keys()]).toEqual(Array.from({ length: STEPS }, (_, k) => k + 1));
    for (const x of draws.values()) {
      let sum = 0;
      let square = 0;
      for (const v of x) {
        sum += v;
        square += v * v;
      }
      const mean = sum / CHAINS;
      const variance = square / CHAINS - mean * mean;
      expect(Math.abs(mean - MU)).toBeLessThan((5 * SIGMA) / Math.sqrt(CHAINS));
      expect(Math.abs(variance - SIGMA * SIGMA)).toBeLessThan(5 * SIGMA * SIGMA * Math.sqrt(2 / CHAINS));
    }
    // The chains move: a kernel that rejects everything would pass the checks above trivially.
    expect(stats.acceptance).toBeGreaterThan(0.3);
  });
});
