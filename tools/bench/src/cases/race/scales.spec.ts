import { describe, expect, it } from 'vitest';
import { linearScale, logScale, niceStep, powerOfTen } from './scales.js';

describe('logScale(extent, range)', () => {
  it('spans the enclosing decades, one tick per power of ten', () => {
    const x = logScale([2e4, 2e6], [0, 300]);
    expect(x.domain).toEqual([1e4, 1e7]);
    expect(x.ticks).toEqual([1e4, 1e5, 1e6, 1e7]);
    expect(x(1e4)).toBe(0);
    expect(x(1e7)).toBe(300);
    expect(x(1e5)).toBeCloseTo(100, 10);
    expect(x.minorTicks).toHaveLength(3 * 8);
  });

  it('labels 0.001 .. 1000 as numbers and other decades as powers of ten', () => {
    const x = logScale([5e-5, 3], [0, 1]);
    expect(x.ticks.map(x.label)).toEqual(['10⁻⁵', '10⁻⁴', '0.001', '0.01', '0.1', '1', '10']);
    expect(powerOfTen(6)).toBe('10⁶');
  });

  it('rejects a non-positive extent', () => {
    expect(() => logScale([0, 1], [0, 1])).toThrow(/0 < lo <= hi/);
  });
});

describe('linearScale(extent, range)', () => {
  it('rounds the top up to a tick of step 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(4.7, 5)).toBe(1);
    expect(niceStep(1, 5)).toBe(0.2);
    const y = linearScale([0, 4.7], [300, 0]);
    expect(y.domain).toEqual([0, 5]);
    expect(y.ticks).toEqual([0, 1, 2, 3, 4, 5]);
    expect(y(5)).toBe(0);
    expect(linearScale([0, 1], [1, 0]).ticks.map((tick) => linearScale([0, 1], [1, 0]).label(tick))).toEqual(['0.0', '0.2', '0.4', '0.6', '0.8', '1.0']);
  });
});
