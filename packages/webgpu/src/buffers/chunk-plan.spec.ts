import { describe, expect, it } from 'vitest';
import { planChunks } from './chunk-plan.js';

describe('planChunks(n, dim, maxBytes)', () => {
  it('fills each range up to maxBytes of float32 positions, the last one with what is left', () => {
    expect(planChunks(10, 2, 32)).toEqual([
      { first: 0, count: 4 },
      { first: 4, count: 4 },
      { first: 8, count: 2 },
    ]);
    expect(planChunks(8, 2, 35)).toEqual([
      { first: 0, count: 4 },
      { first: 4, count: 4 },
    ]);
  });

  it('keeps 100M 2-D particles (800 MB) in one range under a 2 GiB binding, and splits them under 128 MiB', () => {
    expect(planChunks(100_000_000, 2, 2 ** 31 - 4)).toEqual([{ first: 0, count: 100_000_000 }]);
    const ranges = planChunks(100_000_000, 2, 2 ** 27);
    expect(ranges).toHaveLength(6);
    expect(ranges.reduce((sum, range) => sum + range.count, 0)).toBe(100_000_000);
    expect(ranges[0].count * 8).toBeLessThanOrEqual(2 ** 27);
  });

  it('gives no ranges for no particles, and says when one particle does not fit', () => {
    expect(planChunks(0, 3, 1024)).toEqual([]);
    expect(() => planChunks(1, 300, 1024)).toThrow('planChunks: one particle of dimension 300 takes 1200 bytes, more than the 1024 bytes a buffer may bind.');
  });
});
