import { createRng } from '../random/index.js';
import { type GaussianMixture, gaussianMixture } from './gaussian-mixture.js';
import { describe, expect, it } from 'vitest';
import { allocateComponents, diffuseComponents } from './diffused-components.js';
import { writeGradLogDensity, writeGradLogDensityGeneric } from './mixture-kernels.js';

function bothPaths(mixture: GaussianMixture, x: Float32Array, mean: number, std: number): [Float32Array, Float32Array] {
  const c = diffuseComponents(mixture, mean, std, allocateComponents('test', mixture));
  const fast = new Float32Array(x.length);
  const generic = new Float32Array(x.length);
  writeGradLogDensity(c, x, fast);
  writeGradLogDensityGeneric(c, x, generic);
  return [fast, generic];
}

describe('writeGradLogDensity', () => {
  const mixtures = [
    gaussianMixture({ weights: [0.5, 0.5], means: [[-2, 0], [2, 0]], std: 0.5 }),
    gaussianMixture({ weights: [0.1, 0.9], means: [[-1, 3], [2, -1]], std: [[0.2, 1.5], [0.9, 0.3]] }),
  ];

  it.each(mixtures.map((m, i) => [i, m] as const))('the unrolled K = 2, dim = 2 loop agrees with the generic loop (mixture %i)', (_i, mixture) => {
    const n = 5000;
    const x = createRng(3).normal(new Float32Array(2 * n), { first: 0, count: n }, 2, { step: 0 }).map((v) => v * 4);
    x.set([1e3, -1e3, -3e4, 2e4, 0, 0, -2, 0], 0);
    for (const [mean, std] of [[1, 0], [0.7, 0.6], [0.01, 1]]) {
      const [fast, generic] = bothPaths(mixture, x, mean, std);
      // The two loops round differently: allow a few float32 ulps.
      let worst = 0;
      for (let i = 0; i < x.length; i++) {
        worst = Math.max(worst, Math.abs(fast[i] - generic[i]) / (4 * 2 ** -24 * Math.abs(generic[i]) + 1e-12));
      }
      expect(worst).toBeLessThanOrEqual(1);
    }
  });

  it('propagates NaN positions as NaN scores on both paths', () => {
    const x = new Float32Array([Number.NaN, 0, 1, 1]);
    const [fast, generic] = bothPaths(mixtures[0], x, 1, 0);
    expect(Number.isNaN(fast[0]) && Number.isNaN(fast[1])).toBe(true);
    expect(Number.isNaN(generic[0]) && Number.isNaN(generic[1])).toBe(true);
    expect(Number.isFinite(fast[2]) && Number.isFinite(generic[2])).toBe(true);
  });
});
