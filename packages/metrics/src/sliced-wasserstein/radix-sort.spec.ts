import { createRng } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { radixScratch, sortFloat32 } from './radix-sort.js';

describe('sortFloat32(values, scratch)', () => {
  it('sorts like TypedArray.prototype.sort, negatives and extremes included', () => {
    const values = createRng(3).normal(new Float32Array(10_000), { first: 0, count: 10_000 }, 1, { step: 0 });
    values.set([0, -0, 1e-40, -1e-40, 3.4e38, -3.4e38, Infinity, -Infinity], 0);
    const expected = Float32Array.from(values).sort();
    expect(Array.from(sortFloat32(values))).toEqual(Array.from(expected));
  });
  it('reuses a larger scratch and sorts in place', () => {
    const scratch = radixScratch(10);
    const values = new Float32Array([3, -1, 2, -5]);
    expect(sortFloat32(values, scratch)).toBe(values);
    expect(Array.from(values)).toEqual([-5, -1, 2, 3]);
  });
  it('rejects a scratch that is too small', () => {
    expect(() => sortFloat32(new Float32Array(5), radixScratch(4))).toThrow(/scratch holds 4 values, needs 5/);
  });
});
