import type { Rng, Stage } from '@scoreflow/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { hmc } from './hmc.js';
import { mala } from './mala.js';
import type { McmcOptions, McmcStats } from './mcmc-options.js';
import { randomWalkMetropolis } from './random-walk-metropolis.js';
import { type ChainMoments, chainMoments } from './testing/chain-moments.js';
import { CORRELATED, gaussianTarget } from './testing/gaussian-target.js';
import { initialBatches, runChains } from './testing/run-chains.js';

/**
 * 2000 chains from N(0, I), 500 warm-up iterations (adapting), 200 post-warm-up draws each, on the
 * correlated Gaussian N((1, -1), [[1, 0.4], [0.4, 0.25]]) (correlation 0.8, condition number 15).
 *
 * Tolerances: five standard errors at a stated effective sample size (ESS) of the 400,000 pooled
 * draws, an a-priori bound on the integrated autocorrelation time tau of 200-draw chains
 * (ESS = 2000 * 200 / tau): RWM and MALA tau <= 40 (ESS 10,000), HMC tau <= 80 for the second
 * moments (ESS 5,000: its fixed trajectory length L eps nearly resonates with the narrow direction's
 * period; its means are antithetic, ESS > draws). The test also checks that the ESS measured across
 * chains (their means are i.i.d.) is above the stated one, for the means and the variances, so that
 * the tolerances are not too tight. Measured (seed 1), smallest coordinate: RWM 18,700 / 24,700, MALA 15,100 / 29,300,
 * HMC 900,000 / 7,600 (means / squares).
 * SE of a mean: sqrt(S_jj / ESS); of a covariance entry: sqrt((S_jk^2 + S_jj S_kk) / ESS).
 */
const CHAINS = 2000;
const cases: { name: string; make: (options: McmcOptions) => Stage; ess: number; acceptance: number }[] = [
  { name: 'random-walk-metropolis', make: randomWalkMetropolis, ess: 10_000, acceptance: 0.234 },
  { name: 'mala', make: mala, ess: 10_000, acceptance: 0.574 },
  { name: 'hmc', make: hmc, ess: 5_000, acceptance: 0.8 },
];

describe.each(cases)('$name on a correlated 2-D Gaussian (2000 chains x 200 draws)', ({ make, ess, acceptance }) => {
  let moments: ChainMoments;
  let stats: Pick<McmcStats, 'acceptance' | 'stepSize'>;
  beforeAll(async () => {
    const target = gaussianTarget(CORRELATED.mean, CORRELATED.covariance);
    const run = await runChains(
      (rng: Rng, onBatchDone) => make({ target, rng, warmup: 500, steps: 200, onBatchDone }),
      (rng) => initialBatches(rng, CHAINS, 2, [0, 0], 1),
    );
    moments = chainMoments(run.draws, CHAINS, 2);
    stats = run.stats;
  });

  it('has at least the stated effective sample size, for the means and the variances', () => {
    expect(moments.draws).toBe(CHAINS * 200);
    for (const value of [...moments.ess, ...moments.essSquare]) expect(value).toBeGreaterThan(ess);
  });

  it('recovers the mean within five standard errors at that ESS', () => {
    for (let j = 0; j < 2; j++) {
      expect(Math.abs(moments.mean[j] - CORRELATED.mean[j])).toBeLessThan(5 * Math.sqrt(CORRELATED.covariance[j][j] / ess));
    }
  });

  it('recovers the covariance within five standard errors at that ESS', () => {
    const S = CORRELATED.covariance;
    for (let j = 0; j < 2; j++) {
      for (let k = 0; k < 2; k++) {
        expect(Math.abs(moments.covariance[j][k] - S[j][k])).toBeLessThan(5 * Math.sqrt((S[j][k] ** 2 + S[j][j] * S[k][k]) / ess));
      }
    }
  });

  it(`adapts the step sizes to the target acceptance ${acceptance} within 0.05`, () => {
    expect(Math.abs(stats.acceptance - acceptance)).toBeLessThan(0.05);
    expect(stats.stepSize).toBeGreaterThan(0);
  });
});
