import { describe, expect, it } from 'vitest';
import { timeGrid } from './time-grid.js';

describe('timeGrid', () => {
  it('timeGrid(start, end, steps) spaces uniformly and hits both ends exactly', () => {
    expect([...timeGrid(1, 0, 4)]).toEqual([1, 0.75, 0.5, 0.25, 0]);
  });
  it('timeGrid(start, end, steps, geometric) keeps a constant ratio', () => {
    const times = timeGrid(100, 1e-3, 5, 'geometric');
    expect(times[0]).toBe(100);
    expect(times[5]).toBe(1e-3);
    for (let k = 0; k < 5; k++) expect(times[k + 1] / times[k]).toBeCloseTo(0.1, 10);
  });
  it('rejects geometric spacing through zero and a step count below one', () => {
    expect(() => timeGrid(0, 1, 4, 'geometric')).toThrow(/both ends > 0/);
    expect(() => timeGrid(0, 1, 0)).toThrow(/steps must be an integer >= 1/);
  });
});
