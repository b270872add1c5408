import { type GaussianMixture, MIXTURE_PRESETS, createRng, gaussianMixture } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { vpLike } from '../testing/affine-sde.js';
import { mixtureDivergence } from './mixture-divergence.js';
import { mixtureScore } from './mixture-score.js';

const mixtures: [string, GaussianMixture][] = [
  ['double-gaussian (K = 2, dim = 2)', MIXTURE_PRESETS['double-gaussian']()],
  ['K = 3, dim = 2, unequal weights, diagonal stds', gaussianMixture({ weights: [1, 2, 3], means: [[-2, 0], [2, 0.5], [0, 3]], std: [[0.5, 0.8], [0.7, 0.3], [0.4, 1]] })],
  ['K = 2, dim = 3', gaussianMixture({ means: [[-1, 0, 2], [1, 1, -1]], std: [[0.5, 1, 2], [1.5, 0.3, 0.6]] })],
];

/** n points spread over the mixture's range (standard normals times 2), float32. */
function points(n: number, dim: number, seed: number): Float32Array {
  return createRng(seed).normal(new Float32Array(n * dim), { first: 0, count: n }, dim, { step: 0 }).map((v) => 2 * v);
}

/**
 * d/dh of probe . s(x + h probe) at h = 0 for one particle, by central differences of the score,
 * Richardson-extrapolated ((4 D(h/2) - D(h)) / 3, error O(h^4)); probe = e_j summed over j gives the
 * trace. The score is float32, so h stays large (1e-2) to keep its rounding small.
 */
function differenced(mixture: GaussianMixture, t: number, point: Float32Array, probes: Float32Array[], h = 1e-2): number {
  const model = mixtureScore(mixture, vpLike);
  const dim = mixture.dim;
  const along = (probe: Float32Array, step: number) => {
    const x = new Float32Array(2 * dim);
    for (let j = 0; j < dim; j++) {
      x[j] = point[j] + step * probe[j];
      x[dim + j] = point[j] - step * probe[j];
    }
    const out = new Float32Array(2 * dim);
    void model.score(x, t, out);
    let sum = 0;
    for (let j = 0; j < dim; j++) sum += (probe[j] * (out[j] - out[dim + j])) / (2 * step);
    return sum;
  };
  let total = 0;
  for (const probe of probes) total += (4 * along(probe, h / 2) - along(probe, h)) / 3;
  return total;
}

describe('mixtureDivergence', () => {
  for (const [name, mixture] of mixtures) {
    it(`mixtureDivergence(mixture, sde)(x, t, out) is the trace of the score's Jacobian by finite differences: ${name}`, () => {
      const { dim } = mixture;
      const n = 40;
      const x = points(n, dim, 3);
      const out = new Float64Array(n);
      for (const t of [0.05, 0.5]) {
        mixtureDivergence(mixture, vpLike)(x, t, out);
        const basis = Array.from({ length: dim }, (_, j) => Float32Array.from({ length: dim }, (_, i) => (i === j ? 1 : 0)));
        for (let i = 0; i < n; i++) {
          const expected = differenced(mixture, t, x.subarray(i * dim, (i + 1) * dim), basis);
          expect(Math.abs(out[i] - expected)).toBeLessThan(2e-3 * (1 + Math.abs(expected)));
        }
      }
    });

    it(`with a probe e it is e^T (ds/dx) e by finite differences along e: ${name}`, () => {
      const { dim } = mixture;
      const n = 40;
      const x = points(n, dim, 5);
      const probe = points(n, dim, 11).map(Math.sign); // Rademacher signs
      const out = new Float64Array(n);
      mixtureDivergence(mixture, vpLike)(x, 0.2, out, probe);
      for (let i = 0; i < n; i++) {
        const expected = differenced(mixture, 0.2, x.subarray(i * dim, (i + 1) * dim), [probe.subarray(i * dim, (i + 1) * dim)]);
        expect(Math.abs(out[i] - expected)).toBeLessThan(2e-3 * (1 + Math.abs(expected)));
      }
    });
  }

  it('mixtureScore offers it as its divergence, and a probe of the wrong length is a RangeError', () => {
    const mixture = MIXTURE_PRESETS['double-gaussian']();
    const model = mixtureScore(mixture, vpLike);
    const x = points(5, 2, 1);
    const fromModel = new Float64Array(5);
    const direct = new Float64Array(5);
    void model.divergence?.(x, 0.3, fromModel);
    mixtureDivergence(mixture, vpLike)(x, 0.3, direct);
    expect(Array.from(fromModel)).toEqual(Array.from(direct));
    expect(() => mixtureDivergence(mixture, vpLike)(x, 0.3, direct, new Float32Array(3))).toThrow(/probe holds 3 values, expected one per coordinate of x \(10\)/);
  });
});
