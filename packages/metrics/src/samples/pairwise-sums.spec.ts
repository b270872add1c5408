import { describe, expect, it } from 'vitest';
import { sumCrossPairs, sumWithinPairs, withinPairSquaredDistances } from './pairwise-sums.js';

describe('sumWithinPairs(x, dim, f) and sumCrossPairs(x, y, dim, f)', () => {
  const x = new Float32Array([0, 0, 3, 4, 6, 8]); // (0,0), (3,4), (6,8): distances 5, 10, 5
  it('sums f(|x_i - x_j|^2) over pairs i < j', () => {
    expect(sumWithinPairs(x, 2, Math.sqrt)).toBe(20);
    expect(sumWithinPairs(x, 2, (d2) => d2)).toBe(25 + 100 + 25);
  });
  it('sums f(|x_i - y_j|^2) over all pairs', () => {
    expect(sumCrossPairs(x, new Float32Array([0, 0, 0, 0]), 2, Math.sqrt)).toBe(2 * (0 + 5 + 10));
  });
  it('withinPairSquaredDistances lists |x_i - x_j|^2 for j < i, row by row', () => {
    expect([...withinPairSquaredDistances(x, 2)]).toEqual([25, 100, 25]);
    expect(withinPairSquaredDistances(new Float32Array([1, 2, 3]), 3)).toHaveLength(0);
  });
});
