import { createRng } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { medianInPlace, selectKth } from './select.js';

describe('selectKth(values, k)', () => {
  it('returns the k-th smallest value, as a full sort would', () => {
    const values = createRng(1).uniform(new Float64Array(1001), { first: 0, count: 1001 }, 1, { step: 0 });
    const sorted = Float64Array.from(values).sort();
    for (const k of [0, 1, 500, 999, 1000]) expect(selectKth(Float64Array.from(values), k)).toBe(sorted[k]);
  });
  it('handles many ties', () => {
    const values = new Float32Array(5000).map((_, i) => i % 3);
    expect(selectKth(values, 1666)).toBe(0);
    expect(selectKth(values, 1667)).toBe(1);
    expect(selectKth(values, 4999)).toBe(2);
  });
  it('rejects an index outside the array', () => {
    expect(() => selectKth(new Float64Array(3), 3)).toThrow(/k must be an integer in \[0, 2\]/);
  });
});

describe('medianInPlace(values, map)', () => {
  it('averages the two middle values of an even count, after the map', () => {
    expect(medianInPlace(new Float64Array([9, 1, 4, 16]), Math.sqrt)).toBe(2.5);
    expect(medianInPlace(new Float64Array([9, 1, 4, 16]))).toBe(6.5);
  });
  it('returns the middle value of an odd count', () => {
    expect(medianInPlace(new Float32Array([5, 3, 1, 4, 2]))).toBe(3);
  });
});
