import { from } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { makeParticleBatch, rangeIds } from '../batch/particle-batch.js';
import type { DataSource } from '../contracts/data-source.js';
import type { ScoreModel } from '../contracts/score-model.js';
import type { Sde } from '../contracts/sde.js';
import { createRunContext } from '../context/run-context.js';
import { createRng, streamId } from '../random/rng.js';
import { diffuse } from './diffuse.js';
import { diffusedSample } from './diffused-sample.js';
import { scoreErrorAt, scoreErrorOverTime } from './score-error.js';

/** An Ornstein-Uhlenbeck SDE dx = -x dt + sqrt(2) dW on [0, 2]: m = e^-t, s^2 = 1 - e^-2t. */
const ou: Sde = {
  name: 'ou',
  T: 2,
  drift: (x, _t, out) => void out.set(x.map((v) => -v)),
  diffusion: () => Math.SQRT2,
  marginal: (t) => ({ mean: Math.exp(-t), std: Math.sqrt(1 - Math.exp(-2 * t)) }),
  prior: (out) => out,
  priorStd: 1,
  priorLogDensity: (_x, _dim, out) => out,
};

/** N(0, sigma^2 I) in `dim` dimensions, drawn by id in batches of `ctx.batchSize`. */
const gaussianSource = (sigma: number, dim = 2): DataSource => ({
  name: 'gaussian',
  dim,
  sample: (ctx) => {
    const batches = [];
    for (let first = 0; first < ctx.particles; first += ctx.batchSize) {
      const count = Math.min(ctx.batchSize, ctx.particles - first);
      const x = ctx.rng.normal(new Float32Array(count * dim), { first, count }, dim, { step: 0, stream: streamId('test-source') }).map((v) => sigma * v);
      batches.push(makeParticleBatch({ x, dim, id: rangeIds(first, count), step: 0, t: 0 }));
    }
    return from(batches);
  },
});

/** The exact score of N(0, sigma^2 I) diffused by `ou`: -x / (m^2 sigma^2 + s^2), times `scale`. */
const gaussianScore = (sigma: number, scale = 1): ScoreModel => ({
  name: 'exact',
  dim: 2,
  score: (x, t, out) => {
    const { mean, std } = ou.marginal(t);
    const v = mean * mean * sigma * sigma + std * std;
    for (let i = 0; i < x.length; i++) out[i] = (-scale * x[i]) / v;
  },
});

describe('diffuse(x0, dim, marginal, draw)', () => {
  it('is m x_0 + s eps with eps keyed by row id, so rows diffuse alike in any batch', () => {
    const rng = createRng(5);
    const x0 = Float32Array.from({ length: 20 }, (_, i) => i / 4 - 2);
    const whole = diffuse(x0, 2, { mean: 0.5, std: 0.3 }, { rng, stream: 's' });
    const eps = rng.normal(new Float32Array(20), { first: 0, count: 10 }, 2, { step: 0, stream: streamId('s') });
    whole.forEach((v, i) => expect(v).toBe(Math.fround(0.5 * x0[i] + 0.3 * eps[i])));
    const tail = diffuse(x0.subarray(8), 2, { mean: 0.5, std: 0.3 }, { rng, stream: 's', first: 4 });
    expect(Array.from(tail)).toEqual(Array.from(whole.subarray(8)));
    expect(Array.from(diffuse(x0, 2, { mean: 1, std: 0 }, { rng, stream: 's' }))).toEqual(Array.from(x0));
    expect(() => diffuse(new Float32Array(3), 2, { mean: 1, std: 0 }, { rng, stream: 's' })).toThrow(/diffuse: x0 must hold n \* 2 values, got 3/);
  });
});

describe('diffusedSample(source, ctx, sde)', () => {
  it('draws the data once and gives samples of p_t (variance m^2 sigma^2 + s^2) that do not depend on the batching', async () => {
    const sigma = 2;
    const ctx = (batchSize: number) => createRunContext({ dim: 2, particles: 20_000, batchSize, seed: 3 });
    const sampleAt = await diffusedSample(gaussianSource(sigma), ctx(20_000), ou);
    const batched = await diffusedSample(gaussianSource(sigma), ctx(777), ou);
    for (const t of [0.1, 1]) {
      const x = sampleAt(t);
      expect(sampleAt(t)).toBe(x);
      expect(Array.from(batched(t))).toEqual(Array.from(x));
      const { mean, std } = ou.marginal(t);
      const variance = x.reduce((sum, v) => sum + v * v, 0) / x.length;
      // 40,000 squares of a normal: relative standard error sqrt(2 / 40,000) = 0.7%.
      expect(variance / (mean * mean * sigma * sigma + std * std)).toBeCloseTo(1, 1);
    }
    expect(Array.from(sampleAt(0.1).subarray(0, 4))).not.toEqual(Array.from(sampleAt(1).subarray(0, 4)));
  });

  it('returns the data themselves without an SDE', async () => {
    const ctx = createRunContext({ dim: 2, particles: 10, seed: 3 });
    const sampleAt = await diffusedSample(gaussianSource(1), ctx, undefined);
    expect(sampleAt(0.5)).toBe(sampleAt(1));
    expect(sampleAt(1)).toHaveLength(20);
  });
});

describe('scoreErrorAt(scores, exact, x, t)', () => {
  it('is 0 for the exact score, 1 for a zero score and (1 - c)^2 for c times the exact score', async () => {
    const exact = gaussianScore(1);
    const zero: ScoreModel = { name: 'zero', dim: 2, score: (_x, _t, out) => void out.fill(0) };
    const x = Float32Array.from({ length: 200 }, (_, i) => Math.sin(i));
    const at = await scoreErrorAt([exact, zero, gaussianScore(1, 0.5)], exact, x, 0.3);
    expect(at.t).toBe(0.3);
    expect(at.relativeMse[0]).toBe(0);
    expect(at.relativeMse[1]).toBeCloseTo(1, 12);
    expect(at.relativeMse[2]).toBeCloseTo(0.25, 6);
  });
});

describe('scoreErrorOverTime(scores, exact, data, sde, options)', () => {
  it('measures at t = f T on samples of p_t, where E|s_exact|^2 = dim / (m^2 sigma^2 + s^2)', async () => {
    const sigma = 0.5;
    const rows = await scoreErrorOverTime([gaussianScore(sigma, 0.9)], gaussianScore(sigma), gaussianSource(sigma), ou, {
      particles: 20_000,
      fractions: [0.05, 0.5],
      run: { name: 'test', seed: 1 },
    });
    expect(rows.map((row) => row.t)).toEqual([0.1, 1]);
    for (const row of rows) {
      const { mean, std } = ou.marginal(row.t);
      expect(row.exactMeanSquare * ((mean * mean * sigma * sigma + std * std) / 2)).toBeCloseTo(1, 1);
      expect(row.relativeMse[0]).toBeCloseTo(0.01, 6);
    }
  });
});
