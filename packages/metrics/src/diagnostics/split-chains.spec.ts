import { describe, expect, it } from 'vitest';
import { defaultSplits, splitChains } from './split-chains.js';

describe('splitChains(draws, chains, iterations, splits)', () => {
  it('cuts each chain into halves by default, leaving out the middle draw of an odd length', () => {
    expect(Array.from(splitChains([1, 2, 3, 4, 5, 10, 20, 30, 40, 50], 2, 5))).toEqual([1, 2, 4, 5, 10, 20, 40, 50]);
  });

  it('cuts each chain into `splits` segments of floor(iterations / splits), spreading the left-over draws between them', () => {
    // 11 draws, 4 segments of 2: starts floor(s * 9 / 3) = 0, 3, 6, 9.
    const draws = Array.from({ length: 11 }, (_, i) => i);
    expect(Array.from(splitChains(draws, 1, 11, 4))).toEqual([0, 1, 3, 4, 6, 7, 9, 10]);
    expect(Array.from(splitChains([...draws.slice(0, 8), ...draws.slice(0, 8)], 2, 8, 4))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('defaults to 4 segments for one chain and 2 for several', () => {
    expect([defaultSplits(1), defaultSplits(2), defaultSplits(64)]).toEqual([4, 2, 2]);
  });
});
