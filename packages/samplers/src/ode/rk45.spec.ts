import { type ScoreModel, StepSizeError, createRng, positionsOf, stepsOf, timesOf } from '@scoreflow/core';
import { from, lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { gaussianBatches, gaussianScore } from '../testing/gaussian.js';
import { linearSde } from '../testing/linear-sde.js';
import { uniformTimes } from '../testing/times.js';
import { heun } from './heun.js';
import { type Rk45Norm, rk45 } from './rk45.js';
import { flowError, gaussianFlow } from './testing/gaussian-flow.js';
import { diffusedGaussianBatch } from './testing/gaussian-laws.js';

const mu = 1.5;
const sigma = 0.5;
const T = 2;

/** Runs rk45 on the flowError particles and returns the final error and the NFE per particle. */
async function rk45Run(beta: number, tolerance: number, steps = 1) {
  const sde = linearSde({ beta, T, linear: beta !== 0 });
  const times = uniformTimes(T, 1e-3, steps);
  let nfe = 0;
  const stage = rk45({ sde, score: gaussianScore(sde, 2, mu, sigma), rng: createRng(1), times, rtol: tolerance, atol: tolerance, includeInitial: false, snapshotEvery: steps, onBatchDone: (stats) => (nfe = stats.nfe) });
  return { error: await flowError(stage, sde, mu, sigma, times), nfe, sde };
}

describe('rk45', () => {
  for (const beta of [0, 1]) {
    it(`meets its tolerance on the exact Gaussian flow, with more evaluations as it tightens (beta = ${beta})`, async () => {
      let previous = 0;
      for (const tolerance of [1e-3, 1e-4, 1e-5]) {
        const { error, nfe } = await rk45Run(beta, tolerance);
        // The largest |x| of the flowError particles is about 3: the error scale atol + rtol |x|.
        expect(error).toBeLessThan(tolerance * (1 + 3));
        expect(nfe).toBeGreaterThan(previous);
        // k_1 once, the starting-step probe once, then 6 per attempted step (first same as last).
        expect((nfe - 2) % 6).toBe(0);
        previous = nfe;
      }
    });

    it(`reaches its error with fewer evaluations than fixed-step Heun: Heun with as many is worse (beta = ${beta})`, async () => {
      const { error, nfe, sde } = await rk45Run(beta, 1e-4);
      // Heun with at least as many evaluations, in the space of the ODE that rk45 integrates.
      const steps = Math.ceil(nfe / 2);
      const times = uniformTimes(T, 1e-3, steps);
      const stage = heun({ sde, score: gaussianScore(sde, 2, mu, sigma), rng: createRng(1), times, space: 'time', includeInitial: false, snapshotEvery: steps });
      const heunError = await flowError(stage, sde, mu, sigma, times);
      // Measured: rk45 38 NFE for 8.9e-5 (beta = 0), 44 NFE for 4.9e-5 (beta = 1); Heun with the
      // same NFE 7.4e-3 and 5.2e-3, so it would need about ten times the steps to match.
      expect(heunError).toBeGreaterThan(10 * error);
    });
  }

  it('stops on every grid time with the exact flow there: the grid sets the snapshots', async () => {
    const sde = linearSde({ beta: 1, T, linear: true });
    const times = uniformTimes(T, 1e-3, 4);
    const batch = diffusedGaussianBatch(sde, createRng(3), 50, 2, mu, sigma, T);
    const start = positionsOf(batch).slice();
    const stage = rk45({ sde, score: gaussianScore(sde, 2, mu, sigma), rng: createRng(1), times, rtol: 1e-5, atol: 1e-5, snapshotEvery: 1 });
    const out = await lastValueFrom(from([batch]).pipe(stage, toArray()));
    expect(out.map((b) => stepsOf(b)[0])).toEqual([0, 1, 2, 3, 4]);
    for (const [k, snapshot] of out.entries()) {
      expect(timesOf(snapshot)[0]).toBeCloseTo(times[k], 6);
      const x = positionsOf(snapshot);
      let error = 0;
      for (let i = 0; i < x.length; i++) error = Math.max(error, Math.abs(x[i] - gaussianFlow(sde, mu, sigma, T, times[k], start[i])));
      expect(error).toBeLessThan(1e-4);
    }
  });

  for (const norm of ['max', 'rms'] as Rk45Norm[]) {
    it(`keeps ${norm === 'max' ? 'every particle' : 'the batch RMS of the particles'} within its tolerance of the exact flow, in batches of 2000 or 250 (norm = ${norm})`, async () => {
      const sde = linearSde({ beta: 1, T, linear: true });
      for (const batchSize of [2000, 250]) {
        const batches = gaussianBatches(createRng(4), 2000, 2, mu, 1, batchSize, T);
        const stage = rk45({ sde, score: gaussianScore(sde, 2, mu, sigma), rng: createRng(1), times: uniformTimes(T, 1e-3, 2), includeInitial: false, snapshotEvery: 2, norm });
        const out = await lastValueFrom(from(batches).pipe(stage, toArray()));
        let worst = 0;
        let squares = 0;
        out.forEach((batch, b) => {
          const start = positionsOf(batches[b]);
          const x = positionsOf(batch);
          for (let i = 0; i < x.length; i++) {
            const exact = gaussianFlow(sde, mu, sigma, T, 1e-3, start[i]);
            // Global error over the default tolerance scale atol + rtol |x| (1e-3 each).
            const ratio = Math.abs(x[i] - exact) / (1e-3 + 1e-3 * Math.abs(exact));
            worst = Math.max(worst, ratio);
            squares += ratio * ratio;
          }
        });
        // Measured: max 0.24 and 0.27 with norm = max; with norm = rms an RMS of 0.32 and 1.2 but a max of 2.2 and 12.
        if (norm === 'max') expect(worst).toBeLessThan(1);
        else expect(Math.sqrt(squares / 4000)).toBeLessThan(2);
      }
    });
  }

  it('throws a StepSizeError naming t when the score turns non-finite, and rejects bad tolerances', async () => {
    const sde = linearSde({ beta: 0, T: 1 });
    const broken: ScoreModel = { name: 'broken', dim: 2, score: (_x, t, out) => void out.fill(t < 0.5 ? Number.NaN : 0) };
    const stage = rk45({ sde, score: broken, rng: createRng(1), times: uniformTimes(1, 0.1, 2) });
    const error = await lastValueFrom(from(gaussianBatches(createRng(2), 10, 2, 0, 1, 10, 1)).pipe(stage)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StepSizeError);
    expect((error as Error).message).toMatch(/rk45: the step size fell below .* at t = 0\.5/);
    const score = gaussianScore(sde, 2, 0, 1);
    expect(() => rk45({ sde, score, rng: createRng(1), times: uniformTimes(1, 0.1, 2), rtol: 0 })).toThrow(/rtol must be in \[1e-6, 1\)/);
    expect(() => rk45({ sde, score, rng: createRng(1), times: uniformTimes(1, 0.1, 2), atol: -1 })).toThrow(/atol must be a finite number > 0/);
  });
});
