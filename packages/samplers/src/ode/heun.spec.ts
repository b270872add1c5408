import { createRng, positionsOf } from '@scoreflow/core';
import { from, lastValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { gaussianScore } from '../testing/gaussian.js';
import { linearSde } from '../testing/linear-sde.js';
import { uniformTimes } from '../testing/times.js';
import { type HeunSpace, heun } from './heun.js';
import { flowConvergence } from './testing/gaussian-flow.js';
import { diffusedGaussianBatch, logSigmaTimes } from './testing/gaussian-laws.js';

const mu = 1.5;
const sigma = 0.5;
const T = 2;

describe('heun', () => {
  // Each space on the grid that is smooth in its variable: uniform in t, or in log sigma.
  const grids = { time: uniformTimes, sigma: logSigmaTimes } as const;
  for (const space of ['sigma', 'time'] as HeunSpace[]) {
    for (const [beta, linear] of [[0, true], [1, false]] as const) {
      it(`quarters its error when the steps halve on the exact Gaussian flow: slope in [-2.3, -1.7] (space = ${space}, beta = ${beta})`, async () => {
        const sde = linearSde({ beta, T, linear });
        const timesOf = (n: number) => (space === 'time' ? grids.time(T, 1e-3, n) : grids.sigma(sde, T, 1e-3, n));
        const { slope } = await flowConvergence(sde, mu, sigma, [8, 16, 32, 64], timesOf, (options) => heun({ ...options, space }));
        // Measured: -2.04 to -2.06.
        expect(slope).toBeGreaterThan(-2.3);
        expect(slope).toBeLessThan(-1.7);
      });
    }
  }

  for (const space of ['sigma', 'time'] as HeunSpace[]) {
    it(`takes 2 evaluations per step, 1 on a last step to t = 0, and is deterministic (space = ${space})`, async () => {
      const sde = linearSde({ beta: 1, T, linear: true });
      const run = async (tEnd: number, seed: number) => {
        let nfe = 0;
        const batch = diffusedGaussianBatch(sde, createRng(9), 200, 2, mu, sigma, T);
        const stage = heun({ sde, score: gaussianScore(sde, 2, mu, sigma), rng: createRng(seed), times: uniformTimes(T, tEnd, 10), space, onBatchDone: (stats) => (nfe = stats.nfe) });
        return { x: positionsOf(await lastValueFrom(from([batch]).pipe(stage))), nfe };
      };
      expect((await run(1e-3, 1)).nfe).toBe(20);
      const [a, b] = [await run(0, 1), await run(0, 2)];
      expect(a.nfe).toBe(19);
      expect(a.x).toEqual(b.x);
    });
  }

  it('stays second order with the corrector skipped on a last step to t = 0: slope in [-2.3, -1.7]', async () => {
    const sde = linearSde({ beta: 1, T, linear: true });
    const { slope } = await flowConvergence(sde, mu, sigma, [16, 32, 64, 128], (n) => uniformTimes(T, 0, n), (options) => heun({ ...options, space: 'time' }));
    // Measured: -1.90 (the last Euler step's local error, O(h^2), is of the same order as the global error).
    expect(slope).toBeGreaterThan(-2.3);
    expect(slope).toBeLessThan(-1.7);
  });
});
