import { createRng, positionsOf } from '@scoreflow/core';
import { from, lastValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { gaussianScore } from '../testing/gaussian.js';
import { linearSde } from '../testing/linear-sde.js';
import { uniformTimes } from '../testing/times.js';
import { type HeunSpace, heun } from './heun.js';
import { flowError, logLogSlope } from './testing/gaussian-flow.js';
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
        const steps = [8, 16, 32, 64];
        const errors: number[] = [];
        for (const n of steps) {
          const times = space === 'time' ? grids.time(T, 1e-3, n) : grids.sigma(sde, T, 1e-3, n);
          const stage = heun({ sde, score: gaussianScore(sde, 2, mu, sigma), rng: createRng(1), times, space, includeInitial: false, snapshotEvery: n });
          errors.push(await flowError(stage, sde, mu, sigma, times));
        }
        // Measured: -2.04 to -2.06.
        const slope = logLogSlope(steps, errors);
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
    const steps = [16, 32, 64, 128];
    const errors: number[] = [];
    for (const n of steps) {
      const times = uniformTimes(T, 0, n);
      const stage = heun({ sde, score: gaussianScore(sde, 2, mu, sigma), rng: createRng(1), times, space: 'time', includeInitial: false, snapshotEvery: n });
      errors.push(await flowError(stage, sde, mu, sigma, times));
    }
    // Measured: -1.90 (the last Euler step's local error, O(h^2), is of the same order as the global error).
    const slope = logLogSlope(steps, errors);
    expect(slope).toBeGreaterThan(-2.3);
    expect(slope).toBeLessThan(-1.7);
  });
});
