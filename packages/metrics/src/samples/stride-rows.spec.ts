import { describe, expect, it } from 'vitest';
import { strideRows } from './stride-rows.js';

describe('strideRows(x, dim, maxRows)', () => {
  it('keeps rows floor(i n / maxRows), evenly spread', () => {
    const x = new Float32Array([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6]); // 7 rows of (i, i)
    expect(Array.from(strideRows(x, 2, 3))).toEqual([0, 0, 2, 2, 4, 4]);
  });
  it('returns a small enough sample itself, without copying', () => {
    const x = new Float32Array([1, 2, 3]);
    expect(strideRows(x, 1, 3)).toBe(x);
  });
});
