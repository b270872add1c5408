import { DimensionError } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { gaussianSample } from '../test-support/gaussian-sample.js';
import { slicedWasserstein } from './sliced-wasserstein.js';

/**
 * Standard error of an empirical W2^2 between N(mu1, s1^2) and N(mu2, s2^2) samples of sizes n
 * and m, to first order: the mean term (dmu + e)^2 gives 2 |dmu| sd(e), the scale term
 * (s1^ - s2^)^2 gives 2 |s1 - s2| sd(s1^ - s2^), with sd(e)^2 = s1^2/n + s2^2/m and
 * sd(s^)^2 = s^2 / (2 n). `meanShift2` is dmu^2.
 */
function w2StandardError(meanShift2: number, s1: number, s2: number, n: number, m: number): number {
  const v = (s1 * s1) / n + (s2 * s2) / m;
  return Math.sqrt(4 * meanShift2 * v + 4 * (s1 - s2) ** 2 * (v / 2));
}

/** Upper bound of the positive bias of an empirical W2^2 (of order (s1^2 + s2^2) log log n / n). */
const w2Bias = (s1: number, s2: number, n: number, m: number) => ((s1 * s1 + s2 * s2) * Math.log(Math.min(n, m))) / Math.min(n, m);

describe('slicedWasserstein(x, y, dim, options)', () => {
  it('is the exact W2 in 1-D: W2^2 = (m1 - m2)^2 + (s1 - s2)^2, also for n != m', () => {
    const n = 20_000;
    const m = 15_000;
    const x = gaussianSample(1, n, [0], 1);
    const y = gaussianSample(2, m, [1], 1.5);
    const expected = 1 + 0.25;
    const tolerance = 4 * w2StandardError(1, 1, 1.5, n, m) + w2Bias(1, 1.5, n, m);
    expect(tolerance).toBeLessThan(expected / 4); // a factor of 2 (or of sqrt 2 on SW2) would fail
    // In 1-D every direction is +1 or -1, so the value does not depend on the projections.
    const sw2 = slicedWasserstein(x, y, 1, { projections: 3 });
    expect(Math.abs(sw2 ** 2 - expected)).toBeLessThan(tolerance);
  });

  it('matches |m1 - m2|^2 / d + (s1 - s2)^2 for isotropic Gaussians in 3-D', () => {
    const n = 20_000;
    const d = 3;
    const projections = 512;
    const x = gaussianSample(3, n, [0, 0, 0], 1);
    const y = gaussianSample(4, n, [1, 1, 0], 0.5);
    const shift2 = 2;
    const expected = shift2 / d + 0.25;
    // Directions: (theta . dm)^2 = |dm|^2 theta_1^2 with theta_1^2 ~ Beta(1/2, (d-1)/2), variance 2 (d-1) / (d^2 (d+2)).
    const projectionSe = (shift2 * Math.sqrt((2 * (d - 1)) / (d * d * (d + 2)))) / Math.sqrt(projections);
    const sampleSe = w2StandardError(shift2 / d, 1, 0.5, n, n);
    const tolerance = 4 * Math.hypot(projectionSe, sampleSe) + w2Bias(1, 0.5, n, n);
    expect(tolerance).toBeLessThan(expected / 4);
    const sw2 = slicedWasserstein(x, y, d, { projections, seed: 5 });
    expect(Math.abs(sw2 ** 2 - expected)).toBeLessThan(tolerance);
  });

  it('is (s1 - s2)^2 along every direction when only the scales differ (5-D)', () => {
    const n = 20_000;
    const x = gaussianSample(6, n, [0, 0, 0, 0, 0], 1);
    const y = gaussianSample(7, n, [0, 0, 0, 0, 0], 2);
    const tolerance = 4 * w2StandardError(0, 1, 2, n, n) + w2Bias(1, 2, n, n);
    expect(tolerance).toBeLessThan(1 / 4);
    const sw2 = slicedWasserstein(x, y, 5, { projections: 64 });
    expect(Math.abs(sw2 ** 2 - 1)).toBeLessThan(tolerance);
  });

  it('is near 0 for two samples of one distribution and exactly 0 for one sample with itself', () => {
    const n = 20_000;
    const x = gaussianSample(8, n, [0, 0], 1);
    const y = gaussianSample(9, n, [0, 0], 1);
    expect(slicedWasserstein(x, y, 2) ** 2).toBeLessThan(4 * w2Bias(1, 1, n, n));
    expect(slicedWasserstein(x, x, 2)).toBe(0);
  });

  it('is symmetric and reproducible from its seed', () => {
    const x = gaussianSample(10, 500, [0, 0], 1);
    const y = gaussianSample(11, 700, [1, 0], 1);
    const a = slicedWasserstein(x, y, 2, { seed: 3 });
    expect(slicedWasserstein(y, x, 2, { seed: 3 })).toBeCloseTo(a, 10);
    expect(slicedWasserstein(x, y, 2, { seed: 3 })).toBe(a);
    expect(slicedWasserstein(x, y, 2, { seed: 4 })).not.toBe(a);
  });

  it('uses at most maxSamples evenly strided rows of each sample', () => {
    const x = new Float32Array([0, 10, 1, 10, 2, 10]); // 3 rows of (0..2, 10) in 2-D
    const y = new Float32Array([0, 10]);
    // With maxSamples 1 only the first row of x is kept, which equals y.
    expect(slicedWasserstein(x, y, 2, { maxSamples: 1 })).toBe(0);
    expect(slicedWasserstein(x, y, 2)).toBeGreaterThan(0);
  });

  it('rejects bad input with the function and argument named', () => {
    const x = new Float32Array(6);
    expect(() => slicedWasserstein(x, new Float32Array(5), 2)).toThrow(DimensionError);
    expect(() => slicedWasserstein(x, x, 2, { projections: 0 })).toThrow(/slicedWasserstein: 'projections' must be an integer >= 1, got 0/);
    expect(() => slicedWasserstein(x, new Float32Array(0), 2)).toThrow(/'y' needs at least 1 rows/);
  });
});
