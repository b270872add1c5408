import { createRng } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { GAUSSIAN_FLOW, gaussianFlow, gaussianFlowTargetLogDensity as targetLogDensity } from '../test-support/gaussian-flow.js';
import { flowLogLikelihood } from './flow-log-likelihood.js';

const { dim, mu, s } = GAUSSIAN_FLOW;

/** n points around the target, a spread of 2 s. */
function points(n: number): Float32Array {
  return createRng(3).normal(new Float32Array(n * dim), { first: 0, count: n }, dim, { step: 0 }).map((v, k) => mu[k % dim] + 2 * s * v);
}

describe('flowLogLikelihood', () => {
  it('flowLogLikelihood(x, dim, { velocity }) is the closed-form log p_1 of a Gaussian flow from N(0, I) to 1e-5 at rtol 1e-7', async () => {
    const x = points(30);
    const result = await flowLogLikelihood(x, dim, { velocity: gaussianFlow(), rtol: 1e-7, atol: 1e-7 });
    for (let i = 0; i < 30; i++) {
      expect(Math.abs(result.logDensity[i] - targetLogDensity(x, i))).toBeLessThan(1e-5);
      // Carried back to the source: x(0) = (x - mu) / s, the Gaussians' monotone map read backward.
      for (let j = 0; j < dim; j++) expect(result.source[i * dim + j]).toBeCloseTo((x[i * dim + j] - mu[j]) / s, 5);
      // log p_1 - log p_0 = -integral_0^1 div v dt = dim log(1 / s) along every path.
      expect(result.divergenceIntegral[i]).toBeCloseTo(-dim * Math.log(s), 5);
    }
    expect(result.evaluations).toBeGreaterThan(10);
  });

  it('a wrong sign or a factor 2 on the divergence integral misses the closed form by far more than the tolerance', async () => {
    const x = points(10);
    const { sourceLogDensity, divergenceIntegral } = await flowLogLikelihood(x, dim, { velocity: gaussianFlow(), rtol: 1e-7, atol: 1e-7 });
    for (let i = 0; i < 10; i++) {
      expect(Math.abs(sourceLogDensity[i] - divergenceIntegral[i] - targetLogDensity(x, i))).toBeGreaterThan(1);
      expect(Math.abs(sourceLogDensity[i] + 2 * divergenceIntegral[i] - targetLogDensity(x, i))).toBeGreaterThan(1);
    }
  });

  it("Hutchinson's estimate is exact where the Jacobian is diagonal (Rademacher probes square to 1)", async () => {
    const x = points(5);
    const exact = await flowLogLikelihood(x, dim, { velocity: gaussianFlow(), rtol: 1e-7, atol: 1e-7, divergence: 'exact' });
    const estimate = await flowLogLikelihood(x, dim, { velocity: gaussianFlow(), rtol: 1e-7, atol: 1e-7, divergence: 'hutchinson', draw: 3 });
    for (let i = 0; i < 5; i++) expect(estimate.logDensity[i]).toBeCloseTo(exact.logDensity[i], 10);
  });

  it('takes the source density it is given', async () => {
    const x = points(4);
    const given = await flowLogLikelihood(x, dim, { velocity: gaussianFlow(), sourceLogDensity: (_y, _dim, out) => out.fill(-7) });
    for (let i = 0; i < 4; i++) expect(given.logDensity[i]).toBeCloseTo(-7 + given.divergenceIntegral[i], 12);
  });

  it('names the velocity model without a divergence, and bad arguments', async () => {
    await expect(flowLogLikelihood(points(2), dim, { velocity: gaussianFlow(false) })).rejects.toThrow(
      /velocity model 'gaussian-flow' offers no divergence \(VelocityModel.divergence\), which the likelihood needs; mixture-flow and network offer one/,
    );
    await expect(flowLogLikelihood(points(2), dim, { velocity: gaussianFlow(), rtol: 2 })).rejects.toThrow(/'rtol' must be a number in \(0, 1\), got 2/);
    await expect(flowLogLikelihood(points(2), 3, { velocity: gaussianFlow() })).rejects.toThrow(/expected dimension 3, got 2/);
    await expect(flowLogLikelihood(new Float32Array(3), dim, { velocity: gaussianFlow() })).rejects.toThrow(/whole particles of 2 coordinates, got 3 values/);
  });
});
