import { describe, expect, it } from 'vitest';
import { expClamped } from './exp-clamped.js';

describe('expClamped', () => {
  it('expClamped(z) is exp(z) within 5e-10 relative error on [-80, 80]', () => {
    let worst = 0;
    for (let i = 0; i <= 400_000; i++) {
      const z = -80 + i * 4e-4 + 1e-7 * Math.sin(i);
      worst = Math.max(worst, Math.abs(expClamped(z) / Math.exp(z) - 1));
    }
    expect(worst).toBeLessThan(5e-10);
  });

  it('expClamped is exact at 0 and at multiples of ln 2 / 256', () => {
    expect(expClamped(0)).toBe(1);
    expect(expClamped(Math.LN2)).toBeCloseTo(2, 14);
    expect(expClamped(-10 * Math.LN2)).toBeCloseTo(2 ** -10, 17);
  });

  it('expClamped clamps its argument to [-80, 80] and keeps NaN', () => {
    expect(expClamped(1e6)).toBe(expClamped(80));
    expect(expClamped(Number.POSITIVE_INFINITY)).toBe(expClamped(80));
    expect(expClamped(-1e300)).toBe(expClamped(-80));
    expect(expClamped(-80)).toBeGreaterThan(0);
    expect(expClamped(Number.NaN)).toBeNaN();
  });
});
