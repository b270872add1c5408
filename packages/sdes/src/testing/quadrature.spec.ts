import { describe, expect, it } from 'vitest';
import { gaussianPriorLogDensity } from '../internal/gaussian-prior.js';
import { type LogDensity, gridMoments } from './quadrature.js';

/** The tolerance the SDE contract suite uses for the grid mass and second moment. */
const TOLERANCE = 1e-6;

describe('gridMoments (the check behind the priorLogDensity contract)', () => {
  const std = 3;
  const right: LogDensity = (x, dim, out) => gaussianPriorLogDensity(x, dim, out, std);

  it('gridMoments(log N(0, std^2), dim, std) gives mass 1 and second moment dim std^2', () => {
    for (const dim of [1, 2] as const) {
      const { mass, secondMoment } = gridMoments(right, dim, std);
      expect(Math.abs(mass - 1)).toBeLessThan(TOLERANCE);
      expect(Math.abs(secondMoment / (dim * std * std) - 1)).toBeLessThan(TOLERANCE);
    }
  });

  it('a normaliser for std but an exponent for variance 2 std^2 fails the mass check', () => {
    // log N(x; 0, std^2) + |x|^2 / (4 std^2): mass 2^(dim/2).
    const wrongExponent: LogDensity = (x, dim, out) => {
      gaussianPriorLogDensity(x, dim, out, std);
      for (let i = 0; i < out.length; i++) out[i] += (x[i * dim] ** 2 + (dim === 2 ? x[i * dim + 1] ** 2 : 0)) / (4 * std * std);
      return out;
    };
    for (const dim of [1, 2] as const) {
      const { mass } = gridMoments(wrongExponent, dim, std, 16);
      expect(mass).toBeCloseTo(2 ** (dim / 2), 5);
      expect(Math.abs(mass - 1)).toBeGreaterThan(TOLERANCE);
    }
  });

  it('a normalised Gaussian of variance 2 std^2 passes the mass check but fails the second moment', () => {
    const wrongVariance: LogDensity = (x, dim, out) => gaussianPriorLogDensity(x, dim, out, Math.SQRT2 * std);
    const { mass, secondMoment } = gridMoments(wrongVariance, 1, std, 16);
    expect(Math.abs(mass - 1)).toBeLessThan(1e-3); // 8 std of the grid are only 5.7 of this density's std
    expect(Math.abs(secondMoment / (std * std) - 1)).toBeGreaterThan(0.9);
  });
});
