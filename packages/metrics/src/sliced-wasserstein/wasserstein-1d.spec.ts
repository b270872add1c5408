import { describe, expect, it } from 'vitest';
import { wasserstein2Squared1d } from './wasserstein-1d.js';

describe('wasserstein2Squared1d(a, b)', () => {
  it('is the mean squared difference of sorted samples of equal size', () => {
    expect(wasserstein2Squared1d(new Float64Array([0, 1, 3]), new Float64Array([1, 1, 1]))).toBeCloseTo(5 / 3, 12);
  });
  it('integrates both quantile functions on the merged grid when the sizes differ', () => {
    // F_a^-1 = 0 on (0, 1/2], 1 on (1/2, 1]; F_b^-1 = 0, 0.5, 1 on the thirds:
    // the squared difference is 0.25 on (1/3, 2/3) and 0 elsewhere, so W2^2 = 0.25 / 3.
    expect(wasserstein2Squared1d(new Float32Array([0, 1]), new Float32Array([0, 0.5, 1]))).toBeCloseTo(1 / 12, 12);
    expect(wasserstein2Squared1d(new Float32Array([0, 0.5, 1]), new Float32Array([0, 1]))).toBeCloseTo(1 / 12, 12);
  });
  it('is 0 for an empirical distribution and its duplicate with repeated points', () => {
    expect(wasserstein2Squared1d(new Float64Array([-1, 2]), new Float64Array([-1, -1, -1, 2, 2, 2]))).toBe(0);
  });
  it('equals the squared shift for a translated sample', () => {
    const a = new Float64Array([0, 1, 2, 4, 7]);
    const b = new Float64Array([0, 1, 2, 3, 4, 5, 7, 10]);
    const shifted = b.map((v) => v + 3);
    // W2^2(a, b + c) = W2^2(a, b) + c^2 - 2 c (mean a - mean b)
    const expected = wasserstein2Squared1d(a, b) + 9 - 6 * (14 / 5 - 32 / 8);
    expect(wasserstein2Squared1d(a, shifted)).toBeCloseTo(expected, 10);
  });
  it('rejects an empty sample', () => {
    expect(() => wasserstein2Squared1d(new Float64Array(0), new Float64Array(1))).toThrow(/non-empty/);
  });
});
