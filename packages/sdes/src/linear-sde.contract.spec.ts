import { createRng } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { brownian } from './brownian.js';
import type { LinearSde } from './linear-sde.js';
import { subVp } from './sub-vp.js';
import { driftFactor, eulerMaruyama, integrateMoments, sampleMoments } from './testing/moments.js';
import { gridMoments } from './testing/quadrature.js';
import { ve } from './ve.js';
import { vp } from './vp.js';

/** z-score bound of the Monte Carlo checks: a fixed seed passes, a factor 2 or a wrong sign fails. */
const Z = 5;

const cases: [string, LinearSde][] = [
  ['brownian()', brownian()],
  ['brownian({ g: 2, T: 3 })', brownian({ g: 2, T: 3 })],
  ['ve()', ve()],
  ['ve({ sigmaMin: 0.1, sigmaMax: 10, T: 2 })', ve({ sigmaMin: 0.1, sigmaMax: 10, T: 2 })],
  ['vp()', vp()],
  ['vp({ betaMin: 0.5, betaMax: 5, T: 2 })', vp({ betaMin: 0.5, betaMax: 5, T: 2 })],
  ['subVp()', subVp()],
  ['subVp({ betaMin: 0.5, betaMax: 5, T: 2 })', subVp({ betaMin: 0.5, betaMax: 5, T: 2 })],
];

/**
 * Grid checks of priorLogDensity: the midpoint rule is exact to about 1e-7 here (see
 * `gridMoments`), while a wrong normaliser or variance factor moves mass or second moment by
 * 40 % or more.
 */
const GRID_TOLERANCE = 1e-6;

describe.each(cases)('%s (linear SDE contract)', (_label, sde) => {
  it('marginal(0) is the identity transition: m = 1, s = 0', () => {
    expect(sde.marginal(0).mean).toBe(1);
    expect(sde.marginal(0).std).toBe(0);
  });

  it('marginal(t) solves the moment ODEs dm/dt = a m, d(s^2)/dt = 2 a s^2 + g^2', () => {
    for (const fraction of [0.05, 0.25, 0.5, 0.75, 1]) {
      const t = fraction * sde.T;
      const numeric = integrateMoments(sde, t);
      const closed = sde.marginal(t);
      // a(t) is read back through the Float32 drift: relative error about 1e-7 per evaluation.
      expect(Math.abs(closed.mean - numeric.mean)).toBeLessThan(1e-5 * numeric.mean);
      expect(Math.abs(closed.std - numeric.std)).toBeLessThan(1e-5 * numeric.std);
    }
  });

  it('drift(x, t) is a(t) x with one factor for every coordinate', () => {
    const x = new Float32Array([-3, -0.5, 0, 1, 2.5, 40]);
    const out = new Float32Array(x.length);
    for (const t of [0, 0.3 * sde.T, sde.T]) {
      sde.drift(x, t, out);
      const a = sde.driftCoefficient(t);
      expect(driftFactor(sde, t)).toBeCloseTo(a, 6);
      x.forEach((xi, i) => expect(out[i]).toBeCloseTo(Math.fround(a * xi), 5));
    }
  });

  it('drift throws when out and x differ in length', () => {
    expect(() => sde.drift(new Float32Array(4), 0.5, new Float32Array(3))).toThrow(/out holds 3 values, x holds 4/);
  });

  it('prior(out, ids, dim, rng) draws N(0, priorStd^2 I)', () => {
    const n = 50_000;
    const dim = 2;
    const ids = Uint32Array.from({ length: n }, (_, i) => i);
    const x = sde.prior(new Float32Array(n * dim), ids, dim, createRng(11));
    const { mean, std } = sampleMoments(x);
    const count = n * dim;
    // Standard errors: sigma / sqrt(N) for the mean, sigma / sqrt(2N) for the std.
    expect(Math.abs(mean)).toBeLessThan((Z * sde.priorStd) / Math.sqrt(count));
    expect(Math.abs(std - sde.priorStd)).toBeLessThan((Z * sde.priorStd) / Math.sqrt(2 * count));
  });

  it('prior samples depend on the seed and the particle id, not on the batch', () => {
    const dim = 3;
    const all = sde.prior(new Float32Array(10 * dim), Uint32Array.from({ length: 10 }, (_, i) => i), dim, createRng(5));
    const some = sde.prior(new Float32Array(3 * dim), Uint32Array.from([4, 5, 6]), dim, createRng(5));
    expect(Array.from(some)).toEqual(Array.from(all.subarray(4 * dim, 7 * dim)));
    const other = sde.prior(new Float32Array(3 * dim), Uint32Array.from([4, 5, 6]), dim, createRng(6));
    expect(Array.from(other)).not.toEqual(Array.from(some));
  });

  it('Euler-Maruyama from a point x0 reaches N(m x0, s^2) at t = T / 2', () => {
    const n = 20_000;
    const dim = 2;
    const x0 = 3;
    const tHalf = sde.T / 2;
    const run = eulerMaruyama(sde, x0, n, dim, tHalf, 1000, createRng(2024));
    const closed = sde.marginal(tHalf);
    const sample = sampleMoments(run.x);
    const count = n * dim;
    // Tolerance: Z standard errors of the estimate plus the chain's own discretisation bias.
    const meanTolerance = (Z * run.discrete.std) / Math.sqrt(count) + Math.abs(run.discrete.mean - closed.mean) * x0;
    const stdTolerance = (Z * run.discrete.std) / Math.sqrt(2 * count) + Math.abs(run.discrete.std - closed.std);
    expect(Math.abs(sample.mean - closed.mean * x0)).toBeLessThan(meanTolerance);
    expect(Math.abs(sample.std - closed.std)).toBeLessThan(stdTolerance);
    // The discretisation bias is small next to the quantities tested.
    expect(Math.abs(run.discrete.std - closed.std)).toBeLessThan(0.01 * closed.std);
    expect(Math.abs(run.discrete.mean - closed.mean)).toBeLessThan(0.01 * closed.mean);
  });

  it('priorLogDensity(x, dim, out) is log N(x; 0, priorStd^2 I) = -dim/2 log(2 pi priorStd^2) - |x|^2 / (2 priorStd^2)', () => {
    const sigma = sde.priorStd;
    const unit = [0, 1, -0.5, 2.5, -3, 0.25];
    for (const dim of [1, 2, 3]) {
      const x = Float32Array.from(unit, (u) => u * sigma);
      const n = x.length / dim;
      const out = sde.priorLogDensity(x, dim, new Float64Array(n));
      for (let i = 0; i < n; i++) {
        let square = 0;
        for (let j = 0; j < dim; j++) square += x[i * dim + j] ** 2;
        const expected = -0.5 * dim * Math.log(2 * Math.PI * sigma * sigma) - square / (2 * sigma * sigma);
        expect(Math.abs(out[i] - expected)).toBeLessThan(1e-12 * (1 + Math.abs(expected)));
      }
    }
  });

  it('exp(priorLogDensity) integrates to 1 with E|x|^2 = dim priorStd^2, in 1-D and 2-D', () => {
    for (const dim of [1, 2] as const) {
      const { mass, secondMoment } = gridMoments((x, d, out) => sde.priorLogDensity(x, d, out), dim, sde.priorStd);
      expect(Math.abs(mass - 1)).toBeLessThan(GRID_TOLERANCE);
      expect(Math.abs(secondMoment / (dim * sde.priorStd ** 2) - 1)).toBeLessThan(GRID_TOLERANCE);
    }
  });

  it('priorLogDensity rejects x that is not whole particles and a short out', () => {
    expect(() => sde.priorLogDensity(new Float32Array(5), 2, new Float64Array(3))).toThrow(/not a whole number of 2-dimensional particles/);
    expect(() => sde.priorLogDensity(new Float32Array(6), 2, new Float64Array(2))).toThrow(/out holds 2 values, needs 3/);
  });
});
