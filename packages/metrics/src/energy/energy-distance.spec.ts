import { DimensionError } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { foldedNormalMean, normalVariance } from '../test-support/folded-normal.js';
import { gaussianSample } from '../test-support/gaussian-sample.js';
import { energyDistance } from './energy-distance.js';

interface Normal1d {
  readonly mu: number;
  readonly sigma: number;
}

/** 2 E|X - Y| - E|X - X'| - E|Y - Y'| for 1-D Gaussians: X - Y ~ N(mu1 - mu2, s1^2 + s2^2), X - X' ~ N(0, 2 s1^2). */
function gaussianEnergy(p: Normal1d, q: Normal1d): number {
  return (
    2 * foldedNormalMean(p.mu - q.mu, Math.hypot(p.sigma, q.sigma)) -
    foldedNormalMean(0, Math.SQRT2 * p.sigma) -
    foldedNormalMean(0, Math.SQRT2 * q.sigma)
  );
}

/**
 * First-order (Hoeffding) standard error of the U-statistic estimate with n and m points:
 * Var = 4 Var_X(E|X - Y| - E|X - X'| | X) / n + 4 Var_Y(E|Y - X| - E|Y - Y'| | Y) / m, plus
 * a second-order allowance of 4 sqrt(E|X - Y|^2) / min(n, m).
 */
function energyStandardError(p: Normal1d, q: Normal1d, n: number, m: number): number {
  const projection = (self: Normal1d, other: Normal1d) => (v: number) =>
    foldedNormalMean(v - other.mu, other.sigma) - foldedNormalMean(v - self.mu, self.sigma);
  const first = (4 * normalVariance(projection(p, q), p.mu, p.sigma)) / n + (4 * normalVariance(projection(q, p), q.mu, q.sigma)) / m;
  const secondMoment = (p.mu - q.mu) ** 2 + p.sigma ** 2 + q.sigma ** 2;
  return Math.sqrt(first) + (4 * Math.sqrt(secondMoment)) / Math.min(n, m);
}

describe('energyDistance(x, y, dim, options)', () => {
  it.each([
    { case: "2 E|X - Y| - E|X - X'| - E|Y - Y'| for 1-D Gaussians (n != m)", p: { mu: 0, sigma: 1 }, q: { mu: 2, sigma: 0.5 }, n: 2000, m: 1500, seeds: [1, 2] },
    { case: 'the closed form for a pure shift', p: { mu: 0, sigma: 1 }, q: { mu: -2, sigma: 1 }, n: 2000, m: 2000, seeds: [3, 4] },
  ])('matches $case', ({ p, q, n, m, seeds }) => {
    const expected = gaussianEnergy(p, q);
    const tolerance = 4 * energyStandardError(p, q, n, m);
    expect(tolerance).toBeLessThan(expected / 4);
    const value = energyDistance(gaussianSample(seeds[0], n, [p.mu], p.sigma), gaussianSample(seeds[1], m, [q.mu], q.sigma), 1);
    expect(Math.abs(value - expected)).toBeLessThan(tolerance);
  });

  it('is near 0 for two samples of one distribution', () => {
    const p = { mu: 0, sigma: 1 };
    const n = 2000;
    const value = energyDistance(gaussianSample(5, n, [0], 1), gaussianSample(6, n, [0], 1), 1);
    expect(Math.abs(value)).toBeLessThan(4 * energyStandardError(p, p, n, n));
  });

  it('uses distinct pairs within a sample (U-statistics)', () => {
    // x = {0, 1}, y = {0, 3}: E|X - Y| = (0 + 3 + 1 + 2) / 4, E|X - X'| = 1, E|Y - Y'| = 3.
    expect(energyDistance(new Float32Array([0, 1]), new Float32Array([0, 3]), 1)).toBeCloseTo(2 * 1.5 - 1 - 3, 12);
  });

  it('measures Euclidean distances between rows in several dimensions', () => {
    // x = {(0, 0), (3, 4)}, y = {(0, 0), (0, 0)}: 2 * mean(0, 0, 5, 5) - 5 - 0.
    expect(energyDistance(new Float32Array([0, 0, 3, 4]), new Float32Array(4), 2)).toBeCloseTo(0, 12);
    expect(energyDistance(new Float32Array([3, 4, 3, 4]), new Float32Array(4), 2)).toBeCloseTo(10, 12);
  });

  it('subsamples evenly strided rows beyond maxSamples', () => {
    const x = gaussianSample(7, 40, [0], 1);
    const y = gaussianSample(8, 30, [1], 1);
    const expected = energyDistance(x.filter((_, i) => i % 4 === 0), y.filter((_, i) => i % 3 === 0), 1);
    expect(energyDistance(x, y, 1, { maxSamples: 10 })).toBe(expected);
  });

  it('rejects bad input with the function and argument named', () => {
    expect(() => energyDistance(new Float32Array(4), new Float32Array(3), 2)).toThrow(DimensionError);
    expect(() => energyDistance(new Float32Array(1), new Float32Array(4), 1)).toThrow(/energyDistance: 'x' needs at least 2 rows, got 1/);
    expect(() => energyDistance(new Float32Array(4), new Float32Array(4), 1, { maxSamples: 1.5 })).toThrow(/'maxSamples' must be an integer >= 2/);
  });
});
