import { describe, expect, it } from 'vitest';
import { cumulativeWeights, pickComponent } from './component-picker.js';

describe('cumulativeWeights(weights)', () => {
  it('normalises the running sums so that the last is exactly 1', () => {
    expect(Array.from(cumulativeWeights([1, 1, 2]))).toEqual([0.25, 0.5, 1]);
    expect(cumulativeWeights([0.1, 0.2, 0.7])[2]).toBe(1);
  });
  it('rejects negative, non-finite and all-zero weights', () => {
    expect(() => cumulativeWeights([1, -1])).toThrow(/weights\[1\] must be a finite number >= 0, got -1/);
    expect(() => cumulativeWeights([Number.NaN])).toThrow(/weights\[0\]/);
    expect(() => cumulativeWeights([0, 0])).toThrow(/must not all be 0/);
  });
});

describe('pickComponent(cumulative, u)', () => {
  const cumulative = Float64Array.from([0.2, 0.5, 1]);
  it('returns the smallest k with u < cumulative[k]', () => {
    expect([0, 0.1999, 0.2, 0.4999, 0.5, 0.9999].map((u) => pickComponent(cumulative, u))).toEqual([0, 0, 1, 1, 2, 2]);
  });
  it('skips components of weight 0', () => {
    const withEmpty = cumulativeWeights([1, 0, 1]);
    expect([0.1, 0.5, 0.9].map((u) => pickComponent(withEmpty, u))).toEqual([0, 2, 2]);
  });
  it('returns 0 for a single component', () => {
    expect(pickComponent(Float64Array.from([1]), 0.7)).toBe(0);
  });
});
