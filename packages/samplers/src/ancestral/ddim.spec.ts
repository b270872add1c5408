import { createRng, positionsOf } from '@scoreflow/core';
import { from, lastValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { ancestral } from './ancestral.js';
import { gaussianScore } from '../testing/gaussian.js';
import { linearSde } from '../testing/linear-sde.js';
import { uniformTimes } from '../testing/times.js';
import { flowConvergence } from '../ode/testing/gaussian-flow.js';
import { SIGMA_SAMPLER_CASE, ddimChainLaw, diffusedGaussianBatch, finalMoments, landingError, logSigmaTimes } from '../ode/testing/gaussian-laws.js';
import { ddim } from './ddim.js';

const { mu, sigma, T, particles } = SIGMA_SAMPLER_CASE;

describe('ddim', () => {
  it('with eta = 0 is deterministic: two seeds give the same particles', async () => {
    const sde = linearSde({ beta: 1, T, linear: true });
    const times = logSigmaTimes(sde, T, 1e-3, 10);
    const run = async (seed: number, eta: number) => {
      const batch = diffusedGaussianBatch(sde, createRng(9), 300, 2, mu, sigma, T);
      return positionsOf(await lastValueFrom(from([batch]).pipe(ddim({ sde, score: gaussianScore(sde, 2, mu, sigma), rng: createRng(seed), times, eta }))));
    };
    expect(await run(1, 0)).toEqual(await run(2, 0));
    expect(await run(1, 1)).not.toEqual(await run(2, 1));
  });

  for (const beta of [0, 1]) {
    it(`with eta = 0 follows the probability-flow ODE to first order: slope in [-1.2, -0.8] in steps of log sigma (beta = ${beta})`, async () => {
      const sde = linearSde({ beta, T, linear: beta !== 0 });
      const { slope, errors } = await flowConvergence(sde, mu, sigma, [8, 16, 32, 64], (n) => logSigmaTimes(sde, T, 1e-3, n), ddim);
      // Measured: -0.97 to -0.98, with 64 steps 1.6e-2 (beta = 0) and 2.0e-2 (beta = 1) from the exact flow.
      expect(slope).toBeGreaterThan(-1.2);
      expect(slope).toBeLessThan(-0.8);
      expect(errors[3]).toBeLessThan(0.03);
    });
  }

  for (const beta of [0, 1]) {
    it(`with eta = 1 matches ancestral sampling in law: mean and std agree within sampling error (beta = ${beta})`, async () => {
      const sde = linearSde({ beta, T, linear: beta !== 0 });
      const times = logSigmaTimes(sde, T, 1e-3, 20);
      const score = gaussianScore(sde, 2, mu, sigma);
      const batch = () => diffusedGaussianBatch(sde, createRng(9), particles, 2, mu, sigma, T);
      const ours = await finalMoments(ddim({ sde, score, rng: createRng(1), times, eta: 1, snapshotEvery: 20 }), batch());
      const theirs = await finalMoments(ancestral({ sde, score, rng: createRng(1), times, noiseRemoval: false, snapshotEvery: 20 }), batch());
      const chain = ddimChainLaw(sde, mu, sigma, times, 1);
      // Two samples of n values each: five standard errors of a difference of means and of stds.
      const se = chain.std / Math.sqrt(ours.n);
      expect(Math.abs(ours.mean - theirs.mean)).toBeLessThan(5 * Math.SQRT2 * se);
      expect(Math.abs(ours.std - theirs.std)).toBeLessThan(5 * se);
      // And both have the exact law of the DDIM chain (eqs. 12 and 16 through alpha-bar = 1 / (1 + sigma^2)).
      for (const sample of [ours, theirs]) {
        expect(Math.abs(sample.mean - chain.mean)).toBeLessThan(5 * se);
        expect(Math.abs(sample.std - chain.std)).toBeLessThan((5 * se) / Math.SQRT2);
      }
    });
  }

  it('with eta = 0.5 has the exact law of the DDIM chain', async () => {
    const sde = linearSde({ beta: 1, T, linear: true });
    const times = logSigmaTimes(sde, T, 1e-3, 10);
    const sample = await finalMoments(ddim({ sde, score: gaussianScore(sde, 2, mu, sigma), rng: createRng(1), times, eta: 0.5, snapshotEvery: 10 }), diffusedGaussianBatch(sde, createRng(9), particles, 2, mu, sigma, T));
    const chain = ddimChainLaw(sde, mu, sigma, times, 0.5);
    const se = chain.std / Math.sqrt(sample.n);
    expect(Math.abs(sample.mean - chain.mean)).toBeLessThan(5 * se);
    expect(Math.abs(sample.std - chain.std)).toBeLessThan((5 * se) / Math.SQRT2);
  });

  it('lands on the denoised estimate on a last step to t = 0, whatever eta, in one evaluation per step', async () => {
    const sde = linearSde({ beta: 1, T, linear: true });
    const times = uniformTimes(T, 0, 8);
    let nfe = 0;
    const stage = ddim({ sde, score: gaussianScore(sde, 2, mu, sigma), rng: createRng(1), times, eta: 1, onBatchDone: (stats) => (nfe = stats.nfe) });
    expect(await landingError(stage, sde, mu, sigma, times, diffusedGaussianBatch(sde, createRng(9), 100, 2, mu, sigma, T))).toBeLessThan(1e-5);
    expect(nfe).toBe(8);
  });

  it('rejects a negative eta', () => {
    const sde = linearSde({});
    expect(() => ddim({ sde, score: gaussianScore(sde, 2, 0, 1), rng: createRng(1), times: uniformTimes(1, 0, 2), eta: -1 })).toThrow("ddim: 'eta' must be a finite number >= 0, got -1.");
  });
});
