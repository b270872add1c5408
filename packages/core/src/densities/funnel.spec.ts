import { describe, expect, it } from 'vitest';
import { FUNNEL_DEFAULTS, funnel } from './funnel.js';
import { scatterPoints, worstError } from './test-support/points.js';
import { finiteDifferenceGradient, iteratedTrapezoid } from './test-support/quadrature.js';

describe('funnel({ scale })', () => {
  it("has Neal's default s = 3", () => {
    expect(funnel().parameters).toEqual({ scale: 3 });
    expect(FUNNEL_DEFAULTS).toEqual({ scale: 3 });
  });

  it('is log N(x1; 0, s^2) + log N(x2; 0, exp(x1))', () => {
    const density = funnel({ scale: 2 });
    const points = [[0, 0], [-3, 0.1], [2, -4], [1.5, 0.5]];
    const out = density.logDensity(Float64Array.from(points.flat()), new Float64Array(points.length));
    points.forEach(([x1, x2], i) => {
      const expected = -0.5 * Math.log(2 * Math.PI * 4) - (x1 * x1) / 8 - 0.5 * Math.log(2 * Math.PI * Math.exp(x1)) - (x2 * x2) / (2 * Math.exp(x1));
      expect(out[i]).toBeCloseTo(expected, 12);
    });
  });

  it('integrates to 1 (trapezoid, x1 within 8 s, x2 within 8 exp(x1 / 2): the window follows the neck)', () => {
    // 128 steps across each x2 window (h = sd / 8) and 256 along x1 (h = s / 16): error < 1e-13.
    for (const scale of [3, 1.2]) {
      const total = iteratedTrapezoid(funnel({ scale }), { from: -8 * scale, to: 8 * scale, intervals: 256 }, (x1) => {
        const half = 8 * Math.exp(x1 / 2);
        return { from: -half, to: half, intervals: 128 };
      });
      expect(Math.abs(total - 1), `s = ${scale}`).toBeLessThan(1e-10);
    }
  });

  it('has the gradient of its log density, in the neck as in the mouth (five-point central differences)', () => {
    for (const scale of [3, 1.2]) {
      const density = funnel({ scale });
      const x = scatterPoints(5, 64, scale, () => 0, (x1) => 1.5 * Math.exp(x1 / 2));
      const gradient = density.gradLogDensity(x, new Float32Array(x.length));
      expect(worstError(gradient, finiteDifferenceGradient(density, x, 1e-4), 2e-7, 1e-6)).toBeLessThan(1);
    }
  });

  it('gives -x1 / s^2 - 1/2 + x2^2 exp(-x1) / 2 and -x2 exp(-x1) at chosen points', () => {
    const gradient = funnel().gradLogDensity(new Float32Array([0, 0, 0, 2, Math.log(4), 1]), new Float32Array(6));
    expect(gradient[0]).toBeCloseTo(-0.5, 7);
    expect(gradient[1] + 0).toBe(0);
    expect(gradient[2]).toBeCloseTo(-0.5 + 2, 6); // x2^2 / 2 = 2
    expect(gradient[3]).toBeCloseTo(-2, 6);
    expect(gradient[4]).toBeCloseTo(-Math.log(4) / 9 - 0.5 + 1 / 8, 6);
    expect(gradient[5]).toBeCloseTo(-0.25, 6);
  });

  it('stays finite for x2 = 0 where exp(-x1) overflows', () => {
    const density = funnel();
    const x = new Float64Array([-800, 0]);
    expect(density.logDensity(x, new Float64Array(1))[0]).toBeCloseTo(-Math.log(6 * Math.PI) - 0.5 * (640000 / 9 - 800), 6);
    expect(Array.from(density.gradLogDensity(x, new Float32Array(2)), (v) => v + 0)).toEqual([Math.fround(800 / 9 - 0.5), 0]);
  });

  it('rejects a bad scale naming the field', () => {
    expect(() => funnel({ scale: -3 })).toThrow(/funnel: 'scale' must be a finite number > 0, got -3/);
  });
});
