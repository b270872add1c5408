import { describe, expect, it } from 'vitest';
import { brownian } from '../brownian.js';
import { geometricGrid } from './geometric-grid.js';
import { uniformGrid } from './uniform-grid.js';

const sde = brownian({ T: 100 });

describe('time grids', () => {
  it('uniformGrid().times(sde, steps, tEnd) spaces equally from T and hits both ends exactly', () => {
    expect([...uniformGrid().times(brownian({ T: 1 }), 4, 0)]).toEqual([1, 0.75, 0.5, 0.25, 0]);
  });
  it('geometricGrid().times(sde, steps, tEnd) keeps a constant ratio', () => {
    const times = geometricGrid().times(sde, 5, 1e-3);
    expect(times[0]).toBe(100);
    expect(times[5]).toBe(1e-3);
    for (let k = 0; k < 5; k++) expect(times[k + 1] / times[k]).toBeCloseTo(0.1, 10);
  });
  it('reject tEnd >= tStart, a geometric grid through zero and a step count below one', () => {
    expect(() => uniformGrid().times(sde, 4, 200)).toThrow(/tStart > tEnd/);
    expect(() => geometricGrid().times(sde, 4, 0)).toThrow(/tEnd > 0/);
    expect(() => uniformGrid().times(sde, 0, 0)).toThrow(/steps must be an integer >= 1/);
  });
});
