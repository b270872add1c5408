import { createRng, positionsOf } from '@scoreflow/core';
import { from, lastValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { gaussianScore } from '../testing/gaussian.js';
import { linearSde } from '../testing/linear-sde.js';
import { uniformTimes } from '../testing/times.js';
import { SIGMA_SAMPLER_CASE, ddimChainLaw, diffusedGaussianBatch, finalMoments, landingError, logSigmaTimes } from '../ode/testing/gaussian-laws.js';
import { ddim } from './ddim.js';
import { eulerAncestral } from './euler-ancestral.js';

const { mu, sigma, T, particles } = SIGMA_SAMPLER_CASE;

describe('eulerAncestral', () => {
  it('with eta = 0 is the deterministic DDIM step (Euler in sigma)', async () => {
    const sde = linearSde({ beta: 1, T, linear: true });
    const times = logSigmaTimes(sde, T, 1e-3, 12);
    const score = gaussianScore(sde, 2, mu, sigma);
    const batch = () => diffusedGaussianBatch(sde, createRng(9), 300, 2, mu, sigma, T);
    const a = positionsOf(await lastValueFrom(from([batch()]).pipe(eulerAncestral({ sde, score, rng: createRng(1), times, eta: 0 }))));
    const b = positionsOf(await lastValueFrom(from([batch()]).pipe(ddim({ sde, score, rng: createRng(1), times }))));
    for (let i = 0; i < a.length; i++) expect(a[i]).toBeCloseTo(b[i], 5);
  });

  for (const beta of [0, 1]) {
    it(`with eta = 1 has the law of the DDIM chain with eta = 1, which tends to the target as steps grow (beta = ${beta})`, async () => {
      const sde = linearSde({ beta, T, linear: beta !== 0 });
      const { mean: m, std: s } = sde.marginal(1e-3);
      const target = { mean: m * mu, std: Math.sqrt(m * m * sigma * sigma + s * s) };
      const bias: number[] = [];
      for (const steps of [10, 40]) {
        const times = logSigmaTimes(sde, T, 1e-3, steps);
        const stage = eulerAncestral({ sde, score: gaussianScore(sde, 2, mu, sigma), rng: createRng(1), times, snapshotEvery: steps });
        const sample = await finalMoments(stage, diffusedGaussianBatch(sde, createRng(9), particles, 2, mu, sigma, T));
        const chain = ddimChainLaw(sde, mu, sigma, times, 1);
        const se = chain.std / Math.sqrt(sample.n);
        expect(Math.abs(sample.mean - chain.mean)).toBeLessThan(5 * se);
        expect(Math.abs(sample.std - chain.std)).toBeLessThan((5 * se) / Math.SQRT2);
        bias.push(Math.abs(chain.std - target.std) + Math.abs(chain.mean - target.mean));
      }
      // The ancestral step's variance bias (x_0 replaced by its estimate) shrinks with the step.
      expect(bias[1]).toBeLessThan(bias[0] / 2);
    });
  }

  it('adds no noise on a last step to t = 0: it lands on the denoised estimate', async () => {
    const sde = linearSde({ beta: 0, T });
    const times = uniformTimes(T, 0, 6);
    const stage = eulerAncestral({ sde, score: gaussianScore(sde, 2, mu, sigma), rng: createRng(1), times });
    expect(await landingError(stage, sde, mu, sigma, times, diffusedGaussianBatch(sde, createRng(9), 100, 2, mu, sigma, T))).toBeLessThan(1e-5);
  });
});
