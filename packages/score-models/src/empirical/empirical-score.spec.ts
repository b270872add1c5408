import { type Sde, createRng, gaussianMixture } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { mixtureScore } from '../mixture/mixture-score.js';
import { affineSde, veLike, vpLike } from '../testing/affine-sde.js';
import { empiricalScore } from './empirical-score.js';
import { createSubsetDraw, drawSubset, subsetStep } from './subset.js';

/** Standard normals scaled by `scale`, from a fixed seed, as float32 (row-major n * dim). */
function normals(n: number, dim: number, scale: number, seed: number): Float32Array {
  return createRng(seed).normal(new Float32Array(n * dim), { first: 0, count: n }, dim, { step: 0 }).map((v) => v * scale);
}

/**
 * The formula written out in float64, independently of the implementation: a log-sum-exp with
 * Math.exp over all N points at once, then sum_j r_j (m y_j - x) / s^2 (each term, then the sum).
 */
function referenceScore(points: ArrayLike<number>, dim: number, sde: Sde, x: ArrayLike<number>, t: number): Float64Array {
  const { mean: m, std: s } = sde.marginal(t);
  const total = points.length / dim;
  const out = new Float64Array(x.length);
  const logits = new Float64Array(total);
  for (let i = 0; i < x.length / dim; i++) {
    for (let j = 0; j < total; j++) {
      let q = 0;
      for (let a = 0; a < dim; a++) q += (x[i * dim + a] - m * points[j * dim + a]) ** 2;
      logits[j] = -q / (2 * s * s);
    }
    const max = Math.max(...logits);
    let sum = 0;
    for (let j = 0; j < total; j++) sum += Math.exp(logits[j] - max);
    for (let j = 0; j < total; j++) {
      const r = Math.exp(logits[j] - max) / sum;
      for (let a = 0; a < dim; a++) out[i * dim + a] += (r * (m * points[j * dim + a] - x[i * dim + a])) / (s * s);
    }
  }
  return out;
}

/**
 * Float32 rounding of the score (a few ulps), plus the error of m y_hat in m y_hat - x, which
 * cancels where the score is small: `expClamped`'s relative error (< 5e-10) moves each weight r_j
 * by a relative 1e-9 at most, so m y_hat by at most 1e-9 * 2 m max|y|. That is 30 times less than
 * the float32 rounding of x itself (6e-8 |x|), the input of every score call.
 */
function tolerance(expected: number, x: number, t: number, sde: Sde, spread: number): number {
  const { mean: m, std: s } = sde.marginal(t);
  return 4 * 2 ** -24 * Math.abs(expected) + (2e-9 * (Math.abs(x) + m * spread)) / (s * s);
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, x: ArrayLike<number>, t: number, sde: Sde, spread: number): void {
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    worst = Math.max(worst, Math.abs(actual[i] - expected[i]) / tolerance(expected[i], x[i], t, sde, spread));
  }
  expect(worst).toBeLessThanOrEqual(1);
}

const times = [0.01, 0.1, 0.5, 2];
const sdes = [
  ['vp-like', vpLike],
  ['ve-like', veLike],
] as const;

describe.each([2, 3, 9])('empiricalScore, dim = %i', (dim) => {
  const points = normals(37, dim, 1.5, 11);
  const x = new Float32Array([...normals(60, dim, 2.5, 12), ...points.subarray(0, 4 * dim)]);
  const spread = Math.max(...points.map(Math.abs));

  it.each(sdes)('under a %s SDE it is sum_j r_j (m y_j - x) / s^2 (a float64 reference), at several t', (_name, sde) => {
    const model = empiricalScore(points, dim, sde);
    const out = new Float32Array(x.length);
    for (const t of times) {
      model.score(x, t, out);
      expectClose(out, referenceScore(points, dim, sde, x, t), x, t, sde, spread);
    }
  });

  it.each(sdes)('under a %s SDE it is the exact mixture score of equal-weight point masses at the points', (_name, sde) => {
    const means = Array.from({ length: points.length / dim }, (_, j) => Array.from(points.subarray(j * dim, (j + 1) * dim)));
    const model = empiricalScore(points, dim, sde);
    const out = new Float32Array(x.length);
    const mixtureOut = new Float32Array(x.length);
    for (const t of times) {
      model.score(x, t, out);
      // Components of std 1e-12: v = m^2 1e-24 + s^2 is s^2 to float64 precision.
      mixtureScore(gaussianMixture({ means, std: 1e-12 }), sde).score(x, t, mixtureOut);
      expectClose(out, mixtureOut, x, t, sde, spread);
    }
  });

  it('is the limit of the mixture score as the components narrow to points', () => {
    const means = Array.from({ length: points.length / dim }, (_, j) => Array.from(points.subarray(j * dim, (j + 1) * dim)));
    const out = new Float32Array(x.length);
    const mixtureOut = new Float32Array(x.length);
    const t = 0.1;
    empiricalScore(points, dim, vpLike).score(x, t, out);
    const gaps = [1e-1, 1e-2, 1e-3, 1e-6].map((std) => {
      mixtureScore(gaussianMixture({ means, std }), vpLike).score(x, t, mixtureOut);
      return Math.max(...out.map((v, i) => Math.abs(v - mixtureOut[i])));
    });
    for (let k = 1; k < gaps.length; k++) expect(gaps[k]).toBeLessThan(gaps[k - 1]);
    expect(gaps[3]).toBeLessThan(1e-3);
  });

  it('gives the same score in chunks of 1, 5 and 16 points as in one chunk', () => {
    const whole = new Float32Array(x.length);
    const chunked = new Float32Array(x.length);
    for (const t of times) {
      empiricalScore(points, dim, vpLike, { chunk: 1_000 }).score(x, t, whole);
      for (const chunk of [1, 5, 16]) {
        empiricalScore(points, dim, vpLike, { chunk }).score(x, t, chunked);
        expectClose(chunked, whole, x, t, vpLike, spread);
      }
    }
  });

  it('stays finite far from every point and points back towards the nearest one', () => {
    const far = [1e3, -1e4, 3e4, -1e30];
    const y = new Float32Array(far.length * dim);
    far.forEach((value, i) => y.fill(value, i * dim, (i + 1) * dim));
    const out = new Float32Array(y.length);
    for (const t of [1e-4, 0.1, 2]) {
      empiricalScore(points, dim, vpLike, { chunk: 8 }).score(y, t, out);
      const { mean: m, std: s } = vpLike.marginal(t);
      for (let i = 0; i < y.length; i++) {
        expect(Number.isFinite(out[i])).toBe(true);
        expect(Math.sign(out[i])).toBe(-Math.sign(y[i]));
        // Far away the nearest point takes all the weight: |score| = |x - m y_j| / s^2 within the spread of the points.
        expect(Math.abs(out[i] * s * s + y[i])).toBeLessThanOrEqual(m * spread * (1 + 1e-6) + 1e-6 * Math.abs(y[i]));
      }
    }
  });
});

describe('empiricalScore', () => {
  const points = normals(50, 2, 1, 21);
  const x = normals(30, 2, 2, 22);

  it('at a single point is the Gaussian score -(x - m y) / s^2 exactly', () => {
    const y = [0.5, -1.25];
    const out = new Float32Array(x.length);
    for (const t of [0.05, 1]) {
      empiricalScore(new Float32Array(y), 2, vpLike).score(x, t, out);
      const { mean: m, std: s } = vpLike.marginal(t);
      for (let i = 0; i < x.length; i++) {
        const expected = (m * y[i % 2] - x[i]) / (s * s);
        expect(Math.abs(out[i] - expected)).toBeLessThanOrEqual(2 ** -24 * Math.abs(expected) + (1e-15 * (Math.abs(x[i]) + 2)) / (s * s));
      }
    }
  });

  it('propagates NaN positions as NaN scores, leaving the other particles alone', () => {
    const y = new Float32Array([Number.NaN, 0, 1, 1, 0, Number.POSITIVE_INFINITY]);
    const out = new Float32Array(6);
    empiricalScore(points, 2, vpLike, { chunk: 16 }).score(y, 0.3, out);
    expect(Number.isNaN(out[0]) && Number.isNaN(out[1])).toBe(true);
    expect(Number.isFinite(out[2]) && Number.isFinite(out[3])).toBe(true);
    expect(Number.isFinite(out[5])).toBe(false);
  });

  it('does not depend on how the particles are split into calls', () => {
    const model = empiricalScore(points, 2, vpLike, { chunk: 16 });
    const whole = new Float32Array(x.length);
    model.score(x, 0.2, whole);
    const parts = new Float32Array(x.length);
    model.score(x.subarray(0, 14), 0.2, parts.subarray(0, 14));
    model.score(x.subarray(14), 0.2, parts.subarray(14));
    expect(Array.from(parts)).toEqual(Array.from(whole));
  });

  it('copies the points: changing the caller array later changes nothing', () => {
    const copy = Float32Array.from(points);
    const model = empiricalScore(copy, 2, vpLike);
    const before = new Float32Array(x.length);
    model.score(x, 0.2, before);
    copy.fill(100);
    const after = new Float32Array(x.length);
    model.score(x, 0.2, after);
    expect(Array.from(after)).toEqual(Array.from(before));
  });

  it('throws where s(t) = 0, where point masses have no score', () => {
    const model = empiricalScore(points, 2, vpLike);
    expect(() => model.score(x, 0, new Float32Array(x.length))).toThrow(/empiricalScore: .* at t = 0 is m = 1, s = 0: the score of point masses needs s > 0/);
  });

  it('rejects bad arguments, naming the function and the argument', () => {
    expect(() => empiricalScore(new Float32Array(5), 2, vpLike)).toThrow('empiricalScore: points holds 5 values, expected N x dim (dim = 2) with N >= 1.');
    expect(() => empiricalScore(new Float32Array(0), 2, vpLike)).toThrow(/points holds 0 values/);
    expect(() => empiricalScore(new Float32Array([0, 1, Number.NaN, 2]), 2, vpLike)).toThrow('empiricalScore: points must be finite, got NaN at point 1, coordinate 0.');
    expect(() => empiricalScore(points, 0, vpLike)).toThrow(/dim must be an integer >= 1, got 0/);
    expect(() => empiricalScore(points, 2, vpLike, { chunk: 0 })).toThrow(/chunk must be an integer >= 1, got 0/);
    expect(() => empiricalScore(points, 2, vpLike, { subset: 2.5 })).toThrow(/subset must be an integer >= 1, got 2.5/);
    const model = empiricalScore(points, 2, vpLike);
    expect(() => model.score(new Float32Array(5), 0.5, new Float32Array(5))).toThrow('empiricalScore: x holds 5 values, not a multiple of the dimension 2.');
    expect(() => model.score(new Float32Array(4), 0.5, new Float32Array(2))).toThrow(/out holds 2 values, expected 4/);
    expect(model.name).toBe('empirical');
    expect(model.dim).toBe(2);
  });

  it('reads the marginal of the SDE it is given at each call', () => {
    const calls: number[] = [];
    const sde = affineSde('spy', (t) => {
      calls.push(t);
      return { mean: 1, std: t };
    });
    const model = empiricalScore(points, 2, sde);
    model.score(x, 0.25, new Float32Array(x.length));
    model.score(x, 0.75, new Float32Array(x.length));
    expect(calls).toEqual([0.25, 0.75]);
  });
});

describe('empiricalScore with a subset', () => {
  const points = normals(200, 2, 1.5, 31);
  const x = normals(40, 2, 2, 32);
  const subsetScore = (seed: number, t: number, size = 20) => {
    const out = new Float32Array(x.length);
    empiricalScore(points, 2, vpLike, { subset: size, rng: createRng(seed), chunk: 8 }).score(x, t, out);
    return Array.from(out);
  };

  it('is deterministic per seed and t, and changes with the seed and with t', () => {
    expect(subsetScore(5, 0.3)).toEqual(subsetScore(5, 0.3));
    expect(subsetScore(6, 0.3)).not.toEqual(subsetScore(5, 0.3));
    expect(subsetScore(5, 0.31)).not.toEqual(subsetScore(5, 0.3));
  });

  it('is the exact score of the subset drawn for t (whatever the calls before)', () => {
    const rng = createRng(9);
    const model = empiricalScore(points, 2, vpLike, { subset: 20, rng });
    const out = new Float32Array(x.length);
    model.score(x, 0.7, out); // an earlier call at another t must not matter
    model.score(x, 0.2, out);
    const indices = drawSubset(createSubsetDraw(200, 20), createRng(9), subsetStep(0.2));
    const subset = new Float32Array(40);
    indices.forEach((j, k) => subset.set(points.subarray(2 * j, 2 * j + 2), 2 * k));
    const expected = new Float32Array(x.length);
    empiricalScore(subset, 2, vpLike).score(x, 0.2, expected);
    expect(Array.from(out)).toEqual(Array.from(expected));
  });

  it('with subset >= N is the exact score', () => {
    const exact = new Float32Array(x.length);
    empiricalScore(points, 2, vpLike, { chunk: 8 }).score(x, 0.3, exact);
    expect(subsetScore(1, 0.3, 200)).toEqual(Array.from(exact));
    expect(subsetScore(1, 0.3, 500)).toEqual(Array.from(exact));
  });

  it('at large t is close to the exact score, at small t it is not (the bias of a subset)', () => {
    const exact = new Float32Array(x.length);
    const model = empiricalScore(points, 2, vpLike);
    const gap = (t: number) => {
      model.score(x, t, exact);
      const sub = subsetScore(3, t, 50);
      const { std: s } = vpLike.marginal(t);
      // In units of the score's scale 1 / s.
      return Math.max(...sub.map((v, i) => Math.abs(v - exact[i]) * s));
    };
    expect(gap(3)).toBeLessThan(0.05);
    expect(gap(0.01)).toBeGreaterThan(0.5);
  });
});

describe('drawSubset', () => {
  it('draws k distinct indices below N and restores the identity permutation', () => {
    const draw = createSubsetDraw(1000, 100);
    const rng = createRng(4);
    for (const t of [0, 0.1, 0.5, 1]) {
      const indices = Array.from(drawSubset(draw, rng, subsetStep(t)));
      expect(new Set(indices).size).toBe(100);
      expect(indices.every((j) => Number.isInteger(j) && j >= 0 && j < 1000)).toBe(true);
      expect(Array.from(draw.permutation)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    }
  });

  it('picks every index about equally often (chi-square over 2000 times)', () => {
    const total = 50;
    const draw = createSubsetDraw(total, 10);
    const rng = createRng(8);
    const counts = new Float64Array(total);
    const calls = 2000;
    for (let c = 0; c < calls; c++) for (const j of drawSubset(draw, rng, subsetStep(c / calls))) counts[j]++;
    const expected = (calls * 10) / total;
    const chiSquare = counts.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
    // 49 degrees of freedom: the 99.9% quantile is 85.4.
    expect(chiSquare).toBeLessThan(85.4);
  });

  it('subsetStep separates nearby times and gives one step per time', () => {
    expect(subsetStep(0.5)).toBe(subsetStep(0.5));
    const steps = new Set(Array.from({ length: 10_000 }, (_, i) => subsetStep(i / 10_000)));
    expect(steps.size).toBe(10_000);
  });
});
