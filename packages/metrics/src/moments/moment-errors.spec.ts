import { DimensionError } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { gaussianSample } from '../test-support/gaussian-sample.js';
import { covarianceError, meanError } from './moment-errors.js';

describe('meanError(x, y, dim)', () => {
  it('is the Euclidean norm of the difference of the means', () => {
    // means (1, 1) and (4, 5): |(-3, -4)| = 5
    expect(meanError(new Float32Array([0, 0, 2, 2]), new Float32Array([4, 5]), 2)).toBeCloseTo(5, 12);
  });
  it('recovers a known shift within a few standard errors', () => {
    // Each coordinate of xbar - ybar has sd sqrt(1/n + 1/m); the norm of the shift (3, 4) is 5.
    const [n, m] = [10_000, 5000];
    const error = meanError(gaussianSample(1, n, [0, 0], 1), gaussianSample(2, m, [3, 4], 1), 2);
    expect(Math.abs(error - 5)).toBeLessThan(4 * Math.sqrt(1 / n + 1 / m));
  });
  it('rejects samples of another dimension', () => {
    expect(() => meanError(new Float32Array(4), new Float32Array(3), 2)).toThrow(DimensionError);
  });
});

describe('covarianceError(x, y, dim)', () => {
  it('is the Frobenius norm of the difference of the covariances', () => {
    // covariances [[4, -2], [-2, 4]] and [[2, 2], [2, 2]] (rows (0,0), (2,2)): difference [[2, -4], [-4, 2]], norm sqrt(40)
    const x = new Float32Array([0, 0, 2, 2, 4, -2]);
    const y = new Float32Array([0, 0, 2, 2]);
    expect(covarianceError(x, y, 2)).toBeCloseTo(Math.sqrt(40), 12);
  });
  it('recovers a known scale difference within a few standard errors', () => {
    // C_x ~ I, C_y ~ 4 I in 2-D: |C_x - C_y|_F = sqrt(2) * 3. Var of a diagonal entry: 2 s^4 / (n - 1).
    const n = 20_000;
    const error = covarianceError(gaussianSample(3, n, [0, 0], 1), gaussianSample(4, n, [5, 5], 2), 2);
    const se = Math.sqrt((2 * 1 + 2 * 16) / (n - 1));
    expect(Math.abs(error - 3 * Math.SQRT2)).toBeLessThan(4 * se);
  });
  it('needs two rows per sample', () => {
    expect(() => covarianceError(new Float32Array(4), new Float32Array(2), 2)).toThrow(/covarianceError: 'y' needs at least 2 rows/);
  });
});
