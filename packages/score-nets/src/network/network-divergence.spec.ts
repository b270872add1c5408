import { createRng } from '@scoreflow/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/select-backend.js';
import { testVpSde } from '../testing/test-sde.js';
import { mlpScoreNetwork } from './mlp.js';
import { networkScore } from './network-score.js';

beforeAll(async () => {
  await selectBackend('wasm');
});

/**
 * sum over probes e of d/dh e . s(x + h e) at h = 0, per row, by central differences of the float32
 * score (Richardson-extrapolated, error O(h^4); h = 0.02 keeps the float32 rounding small).
 */
async function differenced(score: (x: Float32Array, out: Float32Array) => Promise<void>, x: Float32Array, dim: number, probes: Float32Array[], h = 0.02): Promise<Float64Array> {
  const n = x.length / dim;
  const total = new Float64Array(n);
  const along = async (probe: Float32Array, step: number) => {
    const plus = x.map((v, i) => v + step * probe[i]);
    const minus = x.map((v, i) => v - step * probe[i]);
    const [sPlus, sMinus] = [new Float32Array(x.length), new Float32Array(x.length)];
    await score(plus, sPlus);
    await score(minus, sMinus);
    return Float64Array.from({ length: n }, (_, i) => {
      let sum = 0;
      for (let j = 0; j < dim; j++) sum += (probe[i * dim + j] * (sPlus[i * dim + j] - sMinus[i * dim + j])) / (2 * step);
      return sum;
    });
  };
  for (const probe of probes) {
    const [coarse, fine] = [await along(probe, h), await along(probe, h / 2)];
    for (let i = 0; i < n; i++) total[i] += (4 * fine[i] - coarse[i]) / 3;
  }
  return total;
}

describe('networkDivergence', () => {
  for (const output of ['eps', 'score'] as const) {
    it(`networkScore(network, sde).divergence is the trace of the score's Jacobian by finite differences, exactly and along a probe (output ${output})`, async () => {
      const dim = 2;
      const n = 16;
      const sde = testVpSde();
      const network = mlpScoreNetwork({ dim, width: 32, depth: 2, seed: 3, output });
      const model = networkScore(network, sde);
      const x = createRng(2).normal(new Float32Array(n * dim), { first: 0, count: n }, dim, { step: 0 });
      const t = 0.4;
      const score = async (at: Float32Array, out: Float32Array) => model.score(at, t, out);
      const exact = new Float64Array(n);
      await model.divergence!(x, t, exact);
      const basis = [0, 1].map((j) => Float32Array.from({ length: n * dim }, (_, i) => (i % dim === j ? 1 : 0)));
      const expected = await differenced(score, x, dim, basis);
      const probe = createRng(5).normal(new Float32Array(n * dim), { first: 0, count: n }, dim, { step: 0 }).map(Math.sign);
      const quadratic = new Float64Array(n);
      await model.divergence!(x, t, quadratic, probe);
      const expectedQuadratic = await differenced(score, x, dim, [probe]);
      for (let i = 0; i < n; i++) {
        expect(Math.abs(exact[i] - expected[i])).toBeLessThan(2e-3 * (1 + Math.abs(expected[i])));
        expect(Math.abs(quadratic[i] - expectedQuadratic[i])).toBeLessThan(2e-3 * (1 + Math.abs(expectedQuadratic[i])));
      }
      network.dispose();
    });
  }
});
