import { describe, expect, it } from 'vitest';
import { SQUIGGLE_DEFAULTS, squiggle } from './squiggle.js';
import { scatterPoints, worstError } from './test-support/points.js';
import { finiteDifferenceGradient, iteratedTrapezoid } from './test-support/quadrature.js';

const logNormal = (x: number, mean: number, std: number) => -0.5 * Math.log(2 * Math.PI * std * std) - ((x - mean) * (x - mean)) / (2 * std * std);

describe('squiggle({ scale, amplitude, frequency, width })', () => {
  it('has the documented defaults s = 2, a = 1.5, f = 1.5, w = 0.4', () => {
    expect(squiggle().parameters).toEqual({ scale: 2, amplitude: 1.5, frequency: 1.5, width: 0.4 });
    expect(SQUIGGLE_DEFAULTS).toEqual(squiggle().parameters);
  });

  it('is log N(x1; 0, s^2) + log N(x2; a sin(f x1), w^2)', () => {
    const density = squiggle({ scale: 1, amplitude: -2, frequency: 3, width: 0.25 });
    const points = [[0, 0], [0.5, -2], [-1, 1], [2, 0.3]];
    const out = density.logDensity(Float64Array.from(points.flat()), new Float64Array(points.length));
    points.forEach(([x1, x2], i) => expect(out[i]).toBeCloseTo(logNormal(x1, 0, 1) + logNormal(x2, -2 * Math.sin(3 * x1), 0.25), 12));
  });

  it('integrates to 1 on a grid (trapezoid on a box: x1 within 8 s, x2 within a + 8 w)', () => {
    // Steps: w / 10 in x2; in x1 a fifth of the narrowest width at fixed x2, w / (a f).
    const defaults = iteratedTrapezoid(squiggle(), { from: -16, to: 16, intervals: 3200 }, () => ({ from: -4.7, to: 4.7, intervals: 235 }));
    expect(Math.abs(defaults - 1)).toBeLessThan(1e-10);
    const other = iteratedTrapezoid(squiggle({ scale: 1, amplitude: -2, frequency: 3, width: 0.25 }), { from: -8, to: 8, intervals: 4000 }, () => ({
      from: -4,
      to: 4,
      intervals: 320,
    }));
    expect(Math.abs(other - 1)).toBeLessThan(1e-10);
  });

  it('has the gradient of its log density (five-point central differences)', () => {
    for (const options of [{}, { scale: 1, amplitude: -2, frequency: 3, width: 0.25 }]) {
      const density = squiggle(options);
      const { scale, amplitude, frequency, width } = density.parameters;
      const x = scatterPoints(3, 64, 1.5 * scale, (x1) => amplitude * Math.sin(frequency * x1), () => 1.5 * width);
      const gradient = density.gradLogDensity(x, new Float32Array(x.length));
      expect(worstError(gradient, finiteDifferenceGradient(density, x, 1e-3), 2e-7, 1e-6)).toBeLessThan(1);
    }
  });

  it('on the wave, the gradient is -x1 / s^2 alone', () => {
    const x1 = 0.7;
    const gradient = squiggle().gradLogDensity(new Float64Array([x1, 1.5 * Math.sin(1.5 * x1)]), new Float32Array(2));
    expect(gradient[0]).toBeCloseTo(-x1 / 4, 6);
    expect(gradient[1]).toBeCloseTo(0, 6);
  });

  it('rejects bad options naming the field', () => {
    expect(() => squiggle({ width: 0 })).toThrow(/squiggle: 'width' must be a finite number > 0, got 0/);
    expect(() => squiggle({ frequency: Infinity })).toThrow(/squiggle: 'frequency' must be a finite number/);
  });
});
