import { createRng, positionsOf } from '@scoreflow/core';
import { from, lastValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { gaussianScore } from '../testing/gaussian.js';
import { linearSde } from '../testing/linear-sde.js';
import { uniformTimes } from '../testing/times.js';
import { odeEuler } from './ode-euler.js';
import { flowConvergence } from './testing/gaussian-flow.js';
import { diffusedGaussianBatch } from './testing/gaussian-laws.js';

const mu = 1.5;
const sigma = 0.5;
const T = 2;

describe('odeEuler', () => {
  for (const [beta, linear] of [[0, true], [1, true], [1, false]] as const) {
    it(`halves its error when the steps halve on the exact Gaussian flow: log-log slope in [-1.2, -0.8] (beta = ${beta}, ${linear ? 'fused' : 'general'} drift)`, async () => {
      const sde = linearSde({ beta, T, linear });
      const { slope } = await flowConvergence(sde, mu, sigma, [8, 16, 32, 64], (n) => uniformTimes(T, 1e-3, n), odeEuler);
      // Measured: -1.00 (beta = 0) and -1.01 (beta = 1).
      expect(slope).toBeGreaterThan(-1.2);
      expect(slope).toBeLessThan(-0.8);
    });
  }

  it('is deterministic and takes one score evaluation per step', async () => {
    const sde = linearSde({ beta: 1, T, linear: true });
    const times = uniformTimes(T, 1e-3, 20);
    const run = async (seed: number) => {
      let nfe = 0;
      const batch = diffusedGaussianBatch(sde, createRng(9), 500, 2, mu, sigma, T);
      const stage = odeEuler({ sde, score: gaussianScore(sde, 2, mu, sigma), rng: createRng(seed), times, includeInitial: false, snapshotEvery: 20, onBatchDone: (stats) => (nfe = stats.nfe) });
      const out = await lastValueFrom(from([batch]).pipe(stage));
      return { x: positionsOf(out), nfe };
    };
    const [a, b] = [await run(1), await run(2)];
    expect(a.x).toEqual(b.x);
    expect(a.nfe).toBe(20);
  });
});
