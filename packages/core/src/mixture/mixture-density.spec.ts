import { gaussianMixture } from './gaussian-mixture.js';
import { MIXTURE_PRESETS } from './presets.js';
import { describe, expect, it } from 'vitest';
import { mixtureGradLogDensity, mixtureLogDensity } from './mixture-density.js';

const normalLogPdf = (x: number, mu: number, sigma: number) => -0.5 * Math.log(2 * Math.PI * sigma * sigma) - ((x - mu) * (x - mu)) / (2 * sigma * sigma);

describe('mixtureLogDensity', () => {
  it('is the sum of the coordinate log densities for a single diagonal Gaussian', () => {
    const mixture = gaussianMixture({ means: [[1, -2]], std: [[0.5, 3]] });
    const x = new Float64Array([0, 0, 1, -2, 10, 7]);
    const out = mixtureLogDensity(mixture, x, new Float64Array(3));
    for (let i = 0; i < 3; i++) {
      expect(out[i]).toBeCloseTo(normalLogPdf(x[2 * i], 1, 0.5) + normalLogPdf(x[2 * i + 1], -2, 3), 12);
    }
  });

  it('is log sum_k w_k N(x; mu_k, sigma_k^2) for the double-gaussian preset', () => {
    const mixture = MIXTURE_PRESETS['double-gaussian']();
    const points = [[0, 0], [-2, 0], [2, 0.5], [1, -1]];
    const out = mixtureLogDensity(mixture, Float64Array.from(points.flat()), new Float64Array(points.length));
    points.forEach(([a, b], i) => {
      const density =
        0.5 * Math.exp(normalLogPdf(a, -2, 0.5) + normalLogPdf(b, 0, 0.5)) + 0.5 * Math.exp(normalLogPdf(a, 2, 0.5) + normalLogPdf(b, 0, 0.5));
      expect(out[i]).toBeCloseTo(Math.log(density), 12);
    });
  });

  it('stays finite and exact far from every mode (log-sum-exp), where the naive sum underflows', () => {
    const mixture = MIXTURE_PRESETS['double-gaussian']();
    const out = mixtureLogDensity(mixture, new Float32Array([1e3, 0]), new Float64Array(1));
    // Component 2 dominates: log 0.5 + log N(1e3; 2, 0.25) + log N(0; 0, 0.25), plus log(1 + exp(-difference)).
    const expected = Math.log(0.5) + normalLogPdf(1e3, 2, 0.5) + normalLogPdf(0, 0, 0.5);
    expect(Number.isFinite(out[0])).toBe(true);
    expect(out[0]).toBeCloseTo(expected, 6);
  });

  it('normalises weights that do not sum to 1', () => {
    const base = MIXTURE_PRESETS['double-gaussian']();
    const x = new Float64Array([0.3, -0.2]);
    const reference = mixtureLogDensity(base, x, new Float64Array(1))[0];
    const scaled = mixtureLogDensity({ ...base, weights: new Float64Array([3, 3]) }, x, new Float64Array(1))[0];
    expect(scaled).toBeCloseTo(reference, 14);
  });

  it('throws on lengths that do not fit the dimension', () => {
    const mixture = MIXTURE_PRESETS['double-gaussian']();
    expect(() => mixtureLogDensity(mixture, new Float64Array(3), new Float64Array(1))).toThrow(/mixtureLogDensity: x holds 3 values/);
    expect(() => mixtureLogDensity(mixture, new Float64Array(4), new Float64Array(1))).toThrow(/out holds 1 values, expected 2/);
  });
});

describe('mixtureGradLogDensity', () => {
  it('for a single Gaussian is -(x - mu) / sigma^2', () => {
    const mixture = gaussianMixture({ means: [[1, -2]], std: [[0.5, 2]] });
    const out = mixtureGradLogDensity(mixture, new Float32Array([0, 0, 3, 4]), new Float32Array(4));
    expect(Array.from(out)).toEqual([4, -0.5, -8, -1.5]);
  });

  it('is zero at the midpoint of two equal components and points to the nearer mode elsewhere', () => {
    const mixture = MIXTURE_PRESETS['double-gaussian']();
    const out = mixtureGradLogDensity(mixture, new Float32Array([0, 0, 1.5, 0, -2.5, 0.5]), new Float32Array(6));
    expect(out[0]).toBeCloseTo(0, 12);
    expect(out[2]).toBeGreaterThan(0);
    expect(out[4]).toBeGreaterThan(0);
    expect(out[5]).toBeLessThan(0);
  });

  it('throws on lengths that do not fit the dimension', () => {
    const mixture = MIXTURE_PRESETS['double-gaussian']();
    expect(() => mixtureGradLogDensity(mixture, new Float32Array(5), new Float32Array(5))).toThrow(/x holds 5 values, not a multiple of the mixture's dimension 2/);
  });
});
