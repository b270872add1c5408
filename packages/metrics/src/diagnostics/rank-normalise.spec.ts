import { describe, expect, it } from 'vitest';
import { argsort } from './argsort.js';
import { normalQuantile } from './normal-quantile.js';
import { rankNormalise } from './rank-normalise.js';
import { splitChains } from './split-chains.js';

describe('rankNormalise(values)', () => {
  it('maps rank r of S to Phi^{-1}((r - 3/8) / (S + 1/4)), ties to their average rank', () => {
    // Ranks of [3, 1, 2, 2, 5]: 4, 1, 2.5, 2.5, 5; S + 1/4 = 5.25.
    const z = rankNormalise([3, 1, 2, 2, 5]);
    const expected = [4, 1, 2.5, 2.5, 5].map((r) => normalQuantile((r - 3 / 8) / 5.25));
    expect(Array.from(z)).toEqual(expected);
    expect(z[2]).toBe(z[3]);
  });

  it('gives symmetric scores for symmetric ranks, 0 for the median', () => {
    const z = rankNormalise([10, -4, 0.5]);
    expect(z[2]).toBe(0);
    expect(z[0]).toBeCloseTo(-z[1], 15);
  });

  it('does not change under a monotone transform of the values', () => {
    const values = [0.3, -1.2, 4, 0.31, 2.2, -7];
    expect(rankNormalise(values.map(Math.exp))).toEqual(rankNormalise(values));
  });
});

describe('argsort(values)', () => {
  it('sorts stably, NaN last', () => {
    expect(Array.from(argsort([3, 1, 2, 1, Number.NaN, 0]))).toEqual([5, 1, 3, 2, 0, 4]);
  });
});

describe('splitChains(draws, chains, iterations)', () => {
  it('splits each chain into its first and last halves, leaving out the middle draw of an odd length', () => {
    expect(Array.from(splitChains([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 2, 5))).toEqual([1, 2, 4, 5, 6, 7, 9, 10]);
    expect(Array.from(splitChains([1, 2, 3, 4], 1, 4))).toEqual([1, 2, 3, 4]);
  });
});
