import { describe, expect, it } from 'vitest';
import { DONUT_DEFAULTS, donut, donutNormaliser } from './donut.js';
import { scatterPoints, worstError } from './test-support/points.js';
import { finiteDifferenceGradient, iteratedTrapezoid, simpson } from './test-support/quadrature.js';

describe('donutNormaliser(radius, width)', () => {
  it('equals 2 pi int_0^inf r exp(-(r - R)^2 / (2 w^2)) dr (Simpson, relative error < 1e-10)', () => {
    // Simpson on [0, R + 12 w] with 8000 intervals: the error (b - a) h^4 max|f''''| / 180 is below
    // 1e-11 of Z for these shapes, and the cut tail exp(-72) is nothing.
    for (const [radius, width] of [[3, 0.5], [0.5, 1], [1, 2], [10, 0.1], [0, 1.3]]) {
      const f = (r: number) => 2 * Math.PI * r * Math.exp(-((r - radius) ** 2) / (2 * width * width));
      const numeric = simpson(f, 0, radius + 12 * width, 8000);
      expect(Math.abs(donutNormaliser(radius, width) / numeric - 1), `R = ${radius}, w = ${width}`).toBeLessThan(1e-10);
    }
  });

  it('is 2 pi w^2 for R = 0 (a Gaussian) and tends to 2 pi R w sqrt(2 pi) for R >> w (a thin ring)', () => {
    expect(donutNormaliser(0, 0.7)).toBeCloseTo(2 * Math.PI * 0.49, 14);
    // For R / w = 100 the exp term is exp(-5000) and erf(70.7) = 1.
    expect(donutNormaliser(100, 1) / (2 * Math.PI * 100 * Math.sqrt(2 * Math.PI))).toBeCloseTo(1, 14);
  });

  it('rejects a negative radius and a zero width', () => {
    expect(() => donutNormaliser(-1, 1)).toThrow(/donutNormaliser: 'radius' must be a finite number >= 0, got -1/);
    expect(() => donutNormaliser(1, 0)).toThrow(/'width' must be a finite number > 0/);
  });
});

describe('donut({ radius, width })', () => {
  it('has the documented defaults R = 3, w = 0.5', () => {
    expect(donut().parameters).toEqual({ radius: 3, width: 0.5 });
    expect(DONUT_DEFAULTS).toEqual({ radius: 3, width: 0.5 });
  });

  it('is -(|x| - R)^2 / (2 w^2) - log Z, largest on the circle |x| = R', () => {
    const density = donut();
    const logZ = Math.log(donutNormaliser(3, 0.5));
    const out = density.logDensity(new Float64Array([3, 0, 0, -3, 0.6, 0.8, 0, 0]), new Float64Array(4));
    expect(out[0]).toBeCloseTo(-logZ, 14);
    expect(out[1]).toBeCloseTo(-logZ, 14);
    expect(out[2]).toBeCloseTo(-(2 * 2) / 0.5 - logZ, 12); // |x| = 1: -(1 - 3)^2 / (2 * 0.25)
    expect(out[3]).toBeCloseTo(-9 / 0.5 - logZ, 12);
  });

  it('integrates to 1 on a grid (trapezoid on a box reaching 8 w beyond the ring)', () => {
    // Defaults: h = w / 20. The kink of |x| at the origin sits where p = exp(-18) / Z and costs below 1e-12.
    const defaults = iteratedTrapezoid(donut(), { from: -7, to: 7, intervals: 560 }, () => ({ from: -7, to: 7, intervals: 560 }));
    expect(Math.abs(defaults - 1)).toBeLessThan(1e-10);
    // A small hole (R = 0.5, w = 1): the kink of |x| at the origin, where p = exp(-1/8) / Z, makes
    // the error O(h^3) (halving h divides it by 8): 9e-9 at h = 0.01.
    const small = iteratedTrapezoid(donut({ radius: 0.5, width: 1 }), { from: -8.5, to: 8.5, intervals: 1700 }, () => ({
      from: -8.5,
      to: 8.5,
      intervals: 1700,
    }));
    expect(Math.abs(small - 1)).toBeLessThan(1e-7);
  });

  it('is the Gaussian N(0, w^2 I) for R = 0', () => {
    const out = donut({ radius: 0, width: 2 }).logDensity(new Float64Array([1, -1]), new Float64Array(1));
    expect(out[0]).toBeCloseTo(-Math.log(2 * Math.PI * 4) - 2 / 8, 14);
  });

  it('has the gradient of its log density away from the origin (five-point central differences)', () => {
    for (const options of [{}, { radius: 1, width: 0.8 }]) {
      const density = donut(options);
      const { radius, width } = density.parameters;
      // Angle uniform-ish (x1 spread), radius R + 1.5 w z kept away from the origin.
      const raw = scatterPoints(11, 64, 1, () => 0, () => 1);
      const x = new Float64Array(raw.length);
      for (let i = 0; i < 64; i++) {
        const angle = Math.PI * raw[2 * i];
        const r = Math.max(0.3, radius + 1.5 * width * raw[2 * i + 1]);
        x[2 * i] = r * Math.cos(angle);
        x[2 * i + 1] = r * Math.sin(angle);
      }
      const gradient = density.gradLogDensity(x, new Float32Array(x.length));
      expect(worstError(gradient, finiteDifferenceGradient(density, x, 1e-4), 2e-7, 1e-6)).toBeLessThan(1);
    }
  });

  it('points to the ring: -(|x| - R) / w^2 along x / |x|, and is 0 at the origin', () => {
    const gradient = donut({ radius: 2, width: 0.5 }).gradLogDensity(new Float32Array([3, 0, 0, -1, 0, 0]), new Float32Array(6));
    expect(Array.from(gradient, (v) => v + 0)).toEqual([-4, 0, 0, -4, 0, 0]);
  });

  it('rejects bad options naming the field', () => {
    expect(() => donut({ radius: -0.1 })).toThrow(/donut: 'radius' must be a finite number >= 0, got -0.1/);
    expect(() => donut({ width: Infinity })).toThrow(/donut: 'width' must be a finite number > 0, got Infinity/);
  });
});
