import { describe, expect, it } from 'vitest';
import { BANANA_DEFAULTS, banana } from './banana.js';
import { scatterPoints, worstError } from './test-support/points.js';
import { finiteDifferenceGradient, iteratedTrapezoid } from './test-support/quadrature.js';

const logNormal = (x: number, mean: number, std: number) => -0.5 * Math.log(2 * Math.PI * std * std) - ((x - mean) * (x - mean)) / (2 * std * std);

describe('banana({ scale, curvature, width })', () => {
  it('has the documented defaults s = 2, c = 0.25, w = 1', () => {
    expect(banana().parameters).toEqual({ scale: 2, curvature: 0.25, width: 1 });
    expect(BANANA_DEFAULTS).toEqual({ scale: 2, curvature: 0.25, width: 1 });
    expect(banana({ width: 3 }).parameters).toEqual({ scale: 2, curvature: 0.25, width: 3 });
  });

  it('is log N(x1; 0, s^2) + log N(x2; c (x1^2 - s^2), w^2)', () => {
    const density = banana({ scale: 1.5, curvature: -0.7, width: 0.3 });
    const points = [[0, 0], [0, 1.575], [1, -2], [-2.5, 3]];
    const out = density.logDensity(Float64Array.from(points.flat()), new Float64Array(points.length));
    points.forEach(([x1, x2], i) => expect(out[i]).toBeCloseTo(logNormal(x1, 0, 1.5) + logNormal(x2, -0.7 * (x1 * x1 - 2.25), 0.3), 12));
    // On the ridge at x1 = 0 (x2 = -c s^2) only the normaliser is left: -log(2 pi s w).
    expect(banana().logDensity(new Float32Array([0, -1]), new Float64Array(1))[0]).toBeCloseTo(-Math.log(2 * Math.PI * 2), 14);
  });

  it('integrates to 1 on a grid (trapezoid, x1 within 8 s, x2 a box around the ridge; error < 1e-12)', () => {
    // Defaults: the ridge spans x2 in [-1, 63] for |x1| <= 16; steps w / 10 in x2 and 1/6 of the
    // narrowest width in x1 at fixed x2 (w / (2 c |x1|) = 1/8 at x1 = 16).
    const defaults = iteratedTrapezoid(banana(), { from: -16, to: 16, intervals: 1600 }, () => ({ from: -9, to: 71, intervals: 800 }));
    expect(Math.abs(defaults - 1)).toBeLessThan(1e-10);
    // Curving down and narrow: ridge in [-51.2, 0.8] for |x1| <= 8; x1 widths down to 0.5 / 12.8.
    const other = iteratedTrapezoid(banana({ scale: 1, curvature: -0.8, width: 0.5 }), { from: -8, to: 8, intervals: 2400 }, () => ({
      from: -56,
      to: 5,
      intervals: 1220,
    }));
    expect(Math.abs(other - 1)).toBeLessThan(1e-10);
  });

  it('has the gradient of its log density (five-point central differences, float32 rounding)', () => {
    for (const options of [{}, { scale: 1, curvature: -0.8, width: 0.5 }]) {
      const density = banana(options);
      const { scale, curvature, width } = density.parameters;
      const x = scatterPoints(7, 64, 1.5 * scale, (x1) => curvature * (x1 * x1 - scale * scale), () => 1.5 * width);
      const gradient = density.gradLogDensity(x, new Float32Array(x.length));
      expect(worstError(gradient, finiteDifferenceGradient(density, x, 1e-3), 2e-7, 1e-6)).toBeLessThan(1);
    }
  });

  it('points up the ridge toward larger x2 below it and back to x1 = 0 on it', () => {
    const gradient = banana().gradLogDensity(new Float32Array([0, -3, 2, 0]), new Float32Array(4));
    const plain = (values: Float32Array) => Array.from(values, (v) => v + 0); // -0 as 0
    // Below the ridge at x1 = 0 (ridge x2 = -c s^2 = -1): d/dx2 = -(x2 + 1) / w^2 = 2 > 0.
    expect(plain(gradient.subarray(0, 2))).toEqual([0, 2]);
    // On the ridge at x1 = 2 (x2 = 0.25 (4 - 4) = 0): only -x1 / s^2 = -0.5 is left.
    expect(plain(gradient.subarray(2))).toEqual([-0.5, 0]);
  });

  it('rejects bad options and lengths, naming the function and the field', () => {
    expect(() => banana({ scale: 0 })).toThrow(/banana: 'scale' must be a finite number > 0, got 0/);
    expect(() => banana({ width: -1 })).toThrow(/'width'/);
    expect(() => banana({ curvature: Number.NaN })).toThrow(/banana: 'curvature' must be a finite number, got NaN/);
    expect(() => banana().logDensity(new Float32Array(3), new Float64Array(1))).toThrow(/banana.logDensity: x holds 3 values/);
    expect(() => banana().gradLogDensity(new Float32Array(4), new Float32Array(2))).toThrow(/banana.gradLogDensity: out holds 2 values, expected 4/);
  });
});
