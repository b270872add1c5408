import { type GaussianMixture, MIXTURE_PRESETS, createRng, diffuseMixture, gaussianMixture, mixtureLogDensity } from '@scoreflow/core';
import { odeLogLikelihood } from '@scoreflow/metrics';
import { mixtureScore } from '@scoreflow/score-models';
import { ve, vp } from '@scoreflow/sdes';
import { describe, expect, it } from 'vitest';
import { expectHutchinsonMean } from './expect-hutchinson.js';

/** A mixture whose score's Jacobian is far from diagonal (Rademacher probes are exact for diagonal ones). */
const tilted: GaussianMixture = gaussianMixture({ weights: [0.3, 0.7], means: [[-1.5, -1], [1, 1.5]], std: [[0.3, 0.8], [0.7, 0.25]] });

/** n points of the mixture's region, a standard normal spread of 1.5. */
function points(n: number, seed: number): Float32Array {
  return createRng(seed).normal(new Float32Array(n * 2), { first: 0, count: n }, 2, { step: 0 }).map((v) => 1.5 * v);
}

/** The exact law of the data at t, and log p_t of its points. */
function exactLogDensity(mixture: GaussianMixture, sde: { marginal(t: number): { mean: number; std: number } }, t: number, x: Float64Array | Float32Array): Float64Array {
  const { mean, std } = sde.marginal(t);
  return mixtureLogDensity(diffuseMixture(mixture, mean, std), x, new Float64Array(x.length / mixture.dim));
}

describe('odeLogLikelihood with the exact mixture score', () => {
  for (const [name, sde] of [
    ['vp', vp()],
    ['ve', ve()],
  ] as const) {
    for (const [label, mixture] of [
      ['double-gaussian', MIXTURE_PRESETS['double-gaussian']()],
      ['tilted', tilted],
    ] as const) {
      it(`is the closed-form log p_eps of the ${label} mixture to 1e-4 at rtol 1e-7, with the exact p_T at the end (${name})`, async () => {
        const eps = 1e-5;
        const x = points(40, 1);
        const { logDensity } = await odeLogLikelihood(x, 2, {
          sde,
          score: mixtureScore(mixture, sde),
          eps,
          rtol: 1e-7,
          atol: 1e-7,
          divergence: 'exact',
          endLogDensity: (y, _dim, out) => {
            out.set(exactLogDensity(mixture, sde, sde.T, y));
            return out;
          },
        });
        const exact = exactLogDensity(mixture, sde, eps, x);
        for (let i = 0; i < 40; i++) expect(Math.abs(logDensity[i] - exact[i])).toBeLessThan(1e-4);
      });
    }
  }

  it("Hutchinson's estimate, over draws of the probes, has the exact value within 4 standard errors", async () => {
    const sde = vp();
    const score = mixtureScore(tilted, sde);
    const x = points(4, 2);
    const options = { sde, score, eps: 1e-5, rtol: 1e-6, atol: 1e-6 } as const;
    const exact = await odeLogLikelihood(x, 2, { ...options, divergence: 'exact' });
    const estimates = await Promise.all(Array.from({ length: 30 }, (_, draw) => odeLogLikelihood(x, 2, { ...options, divergence: 'hutchinson', draw })));
    expectHutchinsonMean(exact.logDensity, estimates.map((estimate) => estimate.logDensity));
  });
});
