import { createRng, positionsOf } from '@scoreflow/core';
import { from, lastValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { gaussianScore } from '../testing/gaussian.js';
import { linearSde } from '../testing/linear-sde.js';
import { uniformTimes } from '../testing/times.js';
import { flowConvergence } from './testing/gaussian-flow.js';
import { diffusedGaussianBatch, landingError, logSigmaTimes } from './testing/gaussian-laws.js';
import { ddim } from '../ancestral/ddim.js';
import { dpmSolver2m } from './dpm-solver-2m.js';

const mu = 1.5;
const sigma = 0.5;
const T = 2;

describe('dpmSolver2m', () => {
  for (const beta of [0, 1]) {
    it(`quarters its error when the steps halve on the exact Gaussian flow: slope in [-2.3, -1.7] in steps of lambda (beta = ${beta})`, async () => {
      const sde = linearSde({ beta, T });
      const { slope } = await flowConvergence(sde, mu, sigma, [16, 32, 64, 128], (n) => logSigmaTimes(sde, T, 1e-2, n), dpmSolver2m);
      // Measured: -1.85 (beta = 0) and -1.92 (beta = 1); 1.3e-5 and 3.2e-5 from the exact flow at 128 steps.
      expect(slope).toBeGreaterThan(-2.3);
      expect(slope).toBeLessThan(-1.7);
    });
  }

  it('starts with the first-order (DDIM) step and is deterministic with one evaluation per step', async () => {
    const sde = linearSde({ beta: 1, T, linear: true });
    const score = gaussianScore(sde, 2, mu, sigma);
    const batch = () => diffusedGaussianBatch(sde, createRng(9), 300, 2, mu, sigma, T);
    const oneStep = Float64Array.of(T, 0.5);
    const a = positionsOf(await lastValueFrom(from([batch()]).pipe(dpmSolver2m({ sde, score, rng: createRng(1), times: oneStep }))));
    const b = positionsOf(await lastValueFrom(from([batch()]).pipe(ddim({ sde, score, rng: createRng(1), times: oneStep }))));
    for (let i = 0; i < a.length; i++) expect(a[i]).toBeCloseTo(b[i], 5);
    let nfe = 0;
    const times = logSigmaTimes(sde, T, 1e-3, 15);
    const run = async (seed: number) =>
      positionsOf(await lastValueFrom(from([batch()]).pipe(dpmSolver2m({ sde, score, rng: createRng(seed), times, onBatchDone: (stats) => (nfe = stats.nfe) }))));
    expect(await run(1)).toEqual(await run(2));
    expect(nfe).toBe(15);
  });

  it('returns the denoised estimate on a last step to sigma = 0', async () => {
    const sde = linearSde({ beta: 1, T, linear: true });
    const times = uniformTimes(T, 0, 8);
    const stage = dpmSolver2m({ sde, score: gaussianScore(sde, 2, mu, sigma), rng: createRng(1), times });
    expect(await landingError(stage, sde, mu, sigma, times, diffusedGaussianBatch(sde, createRng(9), 100, 2, mu, sigma, T))).toBeLessThan(1e-5);
  });
});
