import { describe, expect, it } from 'vitest';
import { gaussianSample } from '../test-support/gaussian-sample.js';
import { sampleCovariance, sampleMean } from './sample-moments.js';

describe('sampleMean(x, dim)', () => {
  it('averages each coordinate over the rows', () => {
    expect(Array.from(sampleMean(new Float32Array([1, 2, 3, 6]), 2))).toEqual([2, 4]);
  });
});

describe('sampleCovariance(x, dim)', () => {
  it('is the unbiased (n - 1) covariance, row-major and symmetric', () => {
    // rows (0, 0), (2, 2), (4, -2): means (2, 0); centred (-2, 0), (0, 2), (2, -2).
    const cov = sampleCovariance(new Float32Array([0, 0, 2, 2, 4, -2]), 2);
    expect(Array.from(cov)).toEqual([4, -2, -2, 4]);
  });
  it('does not lose precision to a large offset (two passes)', () => {
    const cov = sampleCovariance(new Float32Array([1e6, 1e6 + 1, 1e6 + 2]), 1);
    expect(cov[0]).toBe(1);
  });
  it('estimates a known covariance within a few standard errors', () => {
    // Var of a sample variance of N(0, s^2): 2 s^4 / (n - 1); of a sample covariance of independent coordinates: s^4 / (n - 1).
    const n = 20_000;
    const cov = sampleCovariance(gaussianSample(1, n, [1, -1], 2), 2);
    expect(Math.abs(cov[0] - 4)).toBeLessThan(4 * Math.sqrt((2 * 16) / (n - 1)));
    expect(Math.abs(cov[3] - 4)).toBeLessThan(4 * Math.sqrt((2 * 16) / (n - 1)));
    expect(Math.abs(cov[1])).toBeLessThan(4 * Math.sqrt(16 / (n - 1)));
  });
  it('needs two rows', () => {
    expect(() => sampleCovariance(new Float32Array(2), 2)).toThrow(/sampleCovariance: 'x' needs at least 2 rows, got 1/);
  });
});
