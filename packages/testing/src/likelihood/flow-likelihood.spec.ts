import { type FlowPath, type GaussianMixture, bridgePath, createRng, gaussianMixture, lipmanPath, mixtureLogDensity, straightPath } from '@scoreflow/core';
import { flowLogLikelihood } from '@scoreflow/metrics';
import { mixtureFlow, standardNormal } from '@scoreflow/score-models';
import { describe, expect, it } from 'vitest';
import { expectHutchinsonMean } from './expect-hutchinson.js';

/** A target whose flow's Jacobian is far from diagonal (Rademacher probes are exact for diagonal ones). */
const tilted: GaussianMixture = gaussianMixture({ weights: [0.3, 0.7], means: [[-1.5, -1], [1, 1.5]], std: [[0.3, 0.8], [0.7, 0.25]] });

/** A two-mode source, to check a source density other than N(0, I). */
const twoModes: GaussianMixture = gaussianMixture({ weights: [0.5, 0.5], means: [[0, 2], [0, -2]], std: 0.6 });

/**
 * The path's marginal at t, in closed form: sum_jk rho_j pi_k N(a m_j + b mu_k, a^2 S_j + b^2 Sigma_k + c^2 I)
 * (independent coupling; research note "conditioning-flows-likelihood", section 4).
 */
function marginal(source: GaussianMixture, target: GaussianMixture, path: FlowPath, t: number): GaussianMixture {
  const { a, b, c } = path.coefficients(t);
  const { dim } = target;
  const weights: number[] = [];
  const means: number[][] = [];
  const stds: number[][] = [];
  for (let j = 0; j < source.components; j++) {
    for (let k = 0; k < target.components; k++) {
      weights.push(source.weights[j] * target.weights[k]);
      means.push(Array.from({ length: dim }, (_, d) => a * source.means[j * dim + d] + b * target.means[k * dim + d]));
      stds.push(Array.from({ length: dim }, (_, d) => Math.sqrt(a * a * source.stds[j * dim + d] ** 2 + b * b * target.stds[k * dim + d] ** 2 + c * c)));
    }
  }
  return gaussianMixture({ weights, means, std: stds });
}

/** n points around the target, a standard normal spread of 1.5. */
function points(n: number, seed: number): Float32Array {
  return createRng(seed).normal(new Float32Array(n * 2), { first: 0, count: n }, 2, { step: 0 }).map((v) => 1.5 * v);
}

describe('flowLogLikelihood with the exact mixture flow', () => {
  for (const [label, source, path] of [
    ['N(0, I) -> tilted, straight path (rectified flow)', standardNormal(2), straightPath(0)],
    ['N(0, I) -> tilted, straight path, sigma 0.1 (I-CFM)', standardNormal(2), straightPath(0.1)],
    ['N(0, I) -> tilted, lipman path, sigma_min 0.1 (FM)', standardNormal(2), lipmanPath(0.1)],
    ['two modes -> tilted, bridge path, sigma 1 (SB-CFM)', twoModes, bridgePath(1)],
  ] as const) {
    it(`is the closed-form log p_1 to 1e-4 at rtol 1e-7: ${label}`, async () => {
      const x = points(40, 1);
      const start = marginal(source, tilted, path, 0);
      const { logDensity } = await flowLogLikelihood(x, 2, {
        velocity: mixtureFlow(source, tilted, path),
        rtol: 1e-7,
        atol: 1e-7,
        divergence: 'exact',
        sourceLogDensity: (y, _dim, out) => mixtureLogDensity(start, y, out),
      });
      const exact = mixtureLogDensity(marginal(source, tilted, path, 1), x, new Float64Array(40));
      for (let i = 0; i < 40; i++) expect(Math.abs(logDensity[i] - exact[i])).toBeLessThan(1e-4);
    });
  }

  it('a wrong sign or a factor 2 on the divergence integral fails the same check', async () => {
    const x = points(40, 1);
    const { sourceLogDensity, divergenceIntegral } = await flowLogLikelihood(x, 2, { velocity: mixtureFlow(standardNormal(2), tilted, straightPath(0)), rtol: 1e-7, atol: 1e-7 });
    const exact = mixtureLogDensity(tilted, x, new Float64Array(40));
    const worst = (wrong: (i: number) => number) => Math.max(...Array.from({ length: 40 }, (_, i) => Math.abs(wrong(i) - exact[i])));
    expect(worst((i) => sourceLogDensity[i] - divergenceIntegral[i])).toBeGreaterThan(1);
    expect(worst((i) => sourceLogDensity[i] + 2 * divergenceIntegral[i])).toBeGreaterThan(1);
    expect(worst((i) => sourceLogDensity[i] + divergenceIntegral[i])).toBeLessThan(1e-4);
  });

  it("Hutchinson's estimate, over draws of the probes, has the exact value within 4 standard errors", async () => {
    const velocity = mixtureFlow(standardNormal(2), tilted, straightPath(0));
    const x = points(4, 2);
    const options = { velocity, rtol: 1e-6, atol: 1e-6 } as const;
    const exact = await flowLogLikelihood(x, 2, { ...options, divergence: 'exact' });
    const estimates = await Promise.all(Array.from({ length: 30 }, (_, draw) => flowLogLikelihood(x, 2, { ...options, divergence: 'hutchinson', draw })));
    expectHutchinsonMean(exact.logDensity, estimates.map((estimate) => estimate.logDensity));
  });
});
