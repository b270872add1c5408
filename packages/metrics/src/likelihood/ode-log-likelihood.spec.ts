import { createRng } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { GAUSSIAN_DATA, diffusedGaussianScore, gaussianLawAt, gaussianLogDensity, linearTestSde } from '../test-support/diffused-gaussian.js';
import { odeLogLikelihood } from './ode-log-likelihood.js';

const { dim, mu, sigma } = GAUSSIAN_DATA;
const T = 2;

/** n points around the data law, a spread of 2 sigma. */
function points(n: number): Float32Array {
  return createRng(4).normal(new Float32Array(n * dim), { first: 0, count: n }, dim, { step: 0 }).map((v, i) => mu[i % dim] + 2 * sigma * v);
}

describe('odeLogLikelihood', () => {
  for (const a of [0, -0.5]) {
    it(`odeLogLikelihood(x, dim, { sde, score }) is the closed-form log p_eps of a diffused Gaussian to 1e-5 at rtol 1e-7 (a = ${a})`, async () => {
      const sde = linearTestSde(a, T, true);
      const eps = 1e-3;
      const x = points(50);
      const result = await odeLogLikelihood(x, dim, { sde, score: diffusedGaussianScore(sde), eps, rtol: 1e-7, atol: 1e-7 });
      const start = gaussianLawAt(sde, eps);
      const exact = gaussianLogDensity(x, dim, start.centre, start.variance, new Float64Array(50));
      for (let i = 0; i < 50; i++) expect(Math.abs(result.logDensity[i] - exact[i])).toBeLessThan(1e-5);
      expect(result.evaluations).toBeGreaterThan(10);
    });
  }

  it('takes the end density it is given: the SDE prior N(0, s(T)^2) instead of the exact p_T is off by the mismatch', async () => {
    const sde = linearTestSde(-0.5, T);
    const x = points(20);
    const end = gaussianLawAt(sde, T);
    const withPrior = await odeLogLikelihood(x, dim, { sde, score: diffusedGaussianScore(sde), eps: 1e-3, rtol: 1e-6, atol: 1e-6 });
    const withExact = await odeLogLikelihood(x, dim, {
      sde,
      score: diffusedGaussianScore(sde),
      eps: 1e-3,
      rtol: 1e-6,
      atol: 1e-6,
      endLogDensity: (y, d, out) => gaussianLogDensity(y, d, end.centre, end.variance, out),
    });
    for (let i = 0; i < 20; i++) {
      expect(withPrior.divergenceIntegral[i]).toBeCloseTo(withExact.divergenceIntegral[i], 12);
      expect(withPrior.logDensity[i] - withExact.logDensity[i]).toBeCloseTo(withPrior.endLogDensity[i] - withExact.endLogDensity[i], 12);
    }
  });

  it('names the model without a divergence, and bad arguments', async () => {
    const sde = linearTestSde(0, T);
    await expect(odeLogLikelihood(points(2), dim, { sde, score: diffusedGaussianScore(sde, false) })).rejects.toThrow(
      /score model 'gaussian' offers no divergence \(ScoreModel.divergence\)/,
    );
    await expect(odeLogLikelihood(points(2), dim, { sde, score: diffusedGaussianScore(sde), eps: 3 })).rejects.toThrow(/'eps' must be below the SDE's T = 2, got 3/);
    await expect(odeLogLikelihood(points(2), dim, { sde, score: diffusedGaussianScore(sde), rtol: Number.NaN })).rejects.toThrow(/'rtol' must be a number in \(0, 1\), got NaN/);
    await expect(odeLogLikelihood(points(2), 3, { sde, score: diffusedGaussianScore(sde) })).rejects.toThrow(/expected dimension 3, got 2/);
  });
});
