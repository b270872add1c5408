import { type GaussianMixture, MIXTURE_PRESETS, createRng, diffuseMixture, gaussianMixture, mixtureGradLogDensity, mixtureLogDensity } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { affineSde, veLike, vpLike } from '../testing/affine-sde.js';
import { mixtureScore } from './mixture-score.js';

const mixtures: [string, GaussianMixture][] = [
  ['double-gaussian (K = 2, dim = 2)', MIXTURE_PRESETS['double-gaussian']()],
  ['K = 2, dim = 2, unequal weights, diagonal stds', gaussianMixture({ weights: [0.2, 0.8], means: [[-1, 2], [1.5, -0.5]], std: [[0.3, 1.2], [0.8, 0.4]] })],
  ['K = 3, dim = 2', gaussianMixture({ weights: [1, 2, 3], means: [[-2, 0], [2, 0], [0, 3]], std: [[0.5, 0.5], [0.7, 0.7], [0.4, 1]] })],
  ['K = 2, dim = 3, diagonal stds', gaussianMixture({ means: [[-1, 0, 2], [1, 1, -1]], std: [[0.5, 1, 2], [1.5, 0.3, 0.6]] })],
  ['K = 1, dim = 4', gaussianMixture({ means: [[1, -2, 0.5, 3]], std: [[0.5, 1, 2, 0.25]] })],
];

/** Standard normal positions scaled by `scale`, from a fixed seed, as float32. */
function positions(n: number, dim: number, scale: number, seed = 7): Float32Array {
  const x = createRng(seed).normal(new Float32Array(n * dim), { first: 0, count: n }, dim, { step: 0 });
  return x.map((v) => v * scale);
}

/**
 * Gradient of log p by central differences in float64, Richardson-extrapolated: (4 D(h/2) - D(h)) / 3
 * has error O(h^4), far below the float32 resolution of the score.
 */
function finiteDifferenceGradient(mixture: GaussianMixture, point: ArrayLike<number>, h = 1e-3): Float64Array {
  const dim = mixture.dim;
  const central = (step: number) => {
    const x = new Float64Array(2 * dim * dim);
    for (let j = 0; j < dim; j++) {
      for (let i = 0; i < dim; i++) {
        x[2 * j * dim + i] = point[i];
        x[(2 * j + 1) * dim + i] = point[i];
      }
      x[2 * j * dim + j] += step;
      x[(2 * j + 1) * dim + j] -= step;
    }
    const logp = mixtureLogDensity(mixture, x, new Float64Array(2 * dim));
    return Array.from({ length: dim }, (_, j) => (logp[2 * j] - logp[2 * j + 1]) / (2 * step));
  };
  const coarse = central(h);
  const fine = central(h / 2);
  return Float64Array.from(coarse, (d, j) => (4 * fine[j] - d) / 3);
}

/** Float32 rounding of the score (2^-24 relative) with a safety factor, plus a floor for values near 0. */
const tolerance = (value: number) => 4 * 2 ** -24 * Math.abs(value) + 1e-7;

describe.each(mixtures)('mixtureScore: %s', (_label, mixture) => {
  const { dim } = mixture;
  const n = 40;

  it.each([
    ['vp-like', vpLike],
    ['ve-like', veLike],
  ] as const)('under a %s SDE it is the finite-difference gradient of log p_t', (_sdeName, sde) => {
    const x = positions(n, dim, 2.5);
    const out = new Float32Array(x.length);
    const model = mixtureScore(mixture, sde);
    for (const t of [0, 0.05, 0.5, 2]) {
      model.score(x, t, out);
      const { mean, std } = sde.marginal(t);
      const diffused = diffuseMixture(mixture, mean, std);
      for (let i = 0; i < n; i++) {
        const expected = finiteDifferenceGradient(diffused, x.subarray(i * dim, (i + 1) * dim));
        for (let j = 0; j < dim; j++) {
          expect(Math.abs(out[i * dim + j] - expected[j])).toBeLessThan(tolerance(expected[j]));
        }
      }
    }
  });

  it('at t = 0 with s(0) = 0 it is the score of the data mixture', () => {
    const x = positions(n, dim, 3);
    const score = new Float32Array(x.length);
    mixtureScore(mixture, vpLike).score(x, 0, score);
    expect(Array.from(score)).toEqual(Array.from(mixtureGradLogDensity(mixture, x, new Float32Array(x.length))));
  });

  it('stays finite far from every mode and points back towards the mixture', () => {
    const far = [1e3, -1e3, 5e3, 1e4];
    const x = new Float32Array(far.length * dim);
    far.forEach((value, i) => x.fill(value, i * dim, (i + 1) * dim));
    const out = new Float32Array(x.length);
    mixtureScore(mixture, vpLike).score(x, 0.1, out);
    for (let k = 0; k < x.length; k++) {
      expect(Number.isFinite(out[k])).toBe(true);
      expect(Math.sign(out[k])).toBe(-Math.sign(x[k]));
    }
  });

  it('throws when x is not a whole number of particles or out has another length', () => {
    const model = mixtureScore(mixture, vpLike);
    const bad = new Float32Array(dim * 3 + 1);
    expect(() => model.score(bad, 0.5, new Float32Array(bad.length))).toThrow(
      `mixtureScore: x holds ${bad.length} values, not a multiple of the mixture's dimension ${dim}.`,
    );
    expect(() => model.score(new Float32Array(dim * 3), 0.5, new Float32Array(dim * 2))).toThrow(/out holds/);
  });
});

describe('mixtureScore', () => {
  it('for a single Gaussian is -(x - m mu) / (m^2 sigma^2 + s^2) exactly, per coordinate', () => {
    const mu = [1, -2, 0.5];
    const sigma = [0.5, 2, 1];
    const mixture = gaussianMixture({ means: [mu], std: [sigma] });
    const x = positions(100, 3, 3);
    const out = new Float32Array(x.length);
    for (const t of [0, 0.3, 1.5]) {
      mixtureScore(mixture, vpLike).score(x, t, out);
      const { mean: m, std: s } = vpLike.marginal(t);
      for (let i = 0; i < x.length; i++) {
        const j = i % 3;
        const expected = -(x[i] - m * mu[j]) / (m * m * sigma[j] ** 2 + s * s);
        // float32 rounding of the closed form, and float64 rounding of either way of writing it.
        expect(Math.abs(out[i] - expected)).toBeLessThanOrEqual(2 ** -24 * Math.abs(expected) + 1e-15);
      }
    }
  });

  it('far away, the widest component takes all the responsibility', () => {
    // A narrow and a wide component: at x = 1e3 the wide one's log density is larger by ~ x^2 / 2 (1/0.25 - 1/4).
    const mixture = gaussianMixture({ weights: [0.9, 0.1], means: [[0, 0], [1, 1]], std: [0.5, 2] });
    const x = new Float32Array([1e3, 1e3, -1e3, 3e2]);
    const out = new Float32Array(4);
    mixtureScore(mixture, veLike).score(x, 0.25, out);
    const v = 4 + 1; // sigma^2 + s^2 at t = 0.25 for the wide component
    expect(out[0]).toBeCloseTo(-(1e3 - 1) / v, 3);
    expect(out[1]).toBeCloseTo(-(1e3 - 1) / v, 3);
    expect(out[2]).toBeCloseTo(-(-1e3 - 1) / v, 3);
    expect(out[3]).toBeCloseTo(-(3e2 - 1) / v, 3);
  });

  it('halfway between two equal components the responsibilities are equal', () => {
    const model = mixtureScore(MIXTURE_PRESETS['double-gaussian'](), vpLike);
    const out = new Float32Array(2);
    model.score(new Float32Array([0, 1]), 0.5, out);
    const { mean: m, std: s } = vpLike.marginal(0.5);
    expect(out[0]).toBeCloseTo(0, 12);
    expect(out[1]).toBeCloseTo(-1 / (m * m * 0.25 + s * s), 6);
  });

  it('reads the marginal of the SDE it is given at each call', () => {
    const calls: number[] = [];
    const sde = affineSde('spy', (t) => {
      calls.push(t);
      return { mean: 1, std: t };
    });
    const model = mixtureScore(MIXTURE_PRESETS['double-gaussian'](), sde);
    model.score(new Float32Array(4), 0.25, new Float32Array(4));
    model.score(new Float32Array(4), 0.75, new Float32Array(4));
    expect(calls).toEqual([0.25, 0.75]);
    expect(model.name).toBe('gaussian-mixture');
    expect(model.dim).toBe(2);
  });

  it('rejects a mixture with a zero standard deviation or weight, naming the problem', () => {
    const base = MIXTURE_PRESETS['double-gaussian']();
    expect(() => mixtureScore({ ...base, stds: new Float64Array([0.5, 0.5, 0, 0.5]) }, vpLike)).toThrow(/mixtureScore: stds must be finite and > 0/);
    expect(() => mixtureScore({ ...base, weights: new Float64Array([1, 0]) }, vpLike)).toThrow(/mixtureScore: weights must be finite and > 0/);
    expect(() => mixtureScore({ ...base, means: new Float64Array(3) }, vpLike)).toThrow(/means holds 3 values, expected components x dim = 4/);
  });
});
