import { DimensionError, makeParticleBatch } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { batchDimension } from './batch-dimension.js';

const batch = (dim: number, rows: number) => makeParticleBatch({ x: new Float32Array(dim * rows), dim, id: 0, step: 0, t: 0 });

describe('batchDimension(fn)', () => {
  it('is 0 before any batch, then the dimension of the first batch checked', () => {
    const dimension = batchDimension('gather');
    expect(dimension.dim).toBe(0);
    expect(dimension.check(batch(3, 2))).toBe(3);
    expect(dimension.check(batch(3, 5))).toBe(3);
    expect(dimension.dim).toBe(3);
  });

  it('throws a DimensionError naming fn for a batch of another dimension', () => {
    const dimension = batchDimension('gather');
    dimension.check(batch(2, 1));
    expect(() => dimension.check(batch(3, 1))).toThrow(DimensionError);
    expect(() => dimension.check(batch(3, 1))).toThrow(/^gather: particle batches/);
    expect(dimension.dim).toBe(2);
  });
});
