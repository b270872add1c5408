import { describe, expect, it } from 'vitest';
import { lastValueFrom, take, toArray } from 'rxjs';
import { MIXTURE_PRESETS, type Rng, createRunContext, dimOf, gaussianMixture } from '@scoreflow/core';
import { collect, coordinateStats, sameBits } from '../testing/collect.js';
import { gaussianMixtureSource } from './gaussian-mixture-source.js';

describe('gaussianMixtureSource(double-gaussian)', () => {
  // Means (-2, 0) and (2, 0), std 0.5, weights 1/2.
  const source = gaussianMixtureSource(MIXTURE_PRESETS['double-gaussian']());
  const N = 100_000;
  const sample = collect(source, createRunContext({ dim: 2, particles: N, seed: 42 }));

  it('emits N labelled 2-D particles with ids 0..N-1 in batches of the default size', async () => {
    const { batches, ids, labels } = await sample;
    expect(source.dim).toBe(2);
    expect(batches.map((b) => b.numRows)).toEqual([65_536, N - 65_536]);
    expect(batches.every((b) => dimOf(b) === 2)).toBe(true);
    expect(ids.every((id, i) => id === i)).toBe(true);
    expect(labels!.every((k) => k === 0 || k === 1)).toBe(true);
  });

  it('gives each mode a share of 1/2 within 4 standard errors', async () => {
    const { labels } = await sample;
    const share = labels!.filter((k) => k === 0).length / N;
    expect(Math.abs(share - 0.5)).toBeLessThan(4 * Math.sqrt((0.5 * 0.5) / N));
  });

  it('places label k at mean mu_k with std 0.5 in each coordinate', async () => {
    const { x, labels } = await sample;
    for (const [k, mu] of [[0, [-2, 0]], [1, [2, 0]]] as const) {
      for (let j = 0; j < 2; j++) {
        const stats = coordinateStats(x, 2, j, (i) => labels![i] === k);
        // Standard errors: sigma / sqrt(n) for the mean, about sigma / sqrt(2 n) for the std.
        expect(Math.abs(stats.mean - mu[j])).toBeLessThan((4 * 0.5) / Math.sqrt(stats.n));
        expect(Math.abs(stats.std - 0.5)).toBeLessThan((4 * 0.5) / Math.sqrt(2 * stats.n));
      }
    }
  });

  it('labels the nearer mode except for the rare particle beyond 4 sigma', async () => {
    const { x, labels } = await sample;
    let wrong = 0;
    for (let i = 0; i < N; i++) if ((x[2 * i] < 0 ? 0 : 1) !== labels![i]) wrong++;
    // A particle crosses x0 = 0 with probability P(Z > 2 / 0.5) = Phi(-4) = 3.167e-5.
    const expected = N * 3.167e-5;
    expect(wrong).toBeLessThanOrEqual(Math.ceil(expected + 4 * Math.sqrt(expected) + 1));
  });
});

describe('gaussianMixtureSource(mixture) with unequal weights', () => {
  const weights = [0.2, 0.3, 0.5];
  const means = [-10, 0, 10];
  const stds = [1, 2, 0.5];
  const source = gaussianMixtureSource(gaussianMixture({ weights: [2, 3, 5], means: means.map((m) => [m]), std: stds }));
  const N = 60_000;

  it('picks component k with probability w_k and draws it from N(mu_k, sigma_k^2)', async () => {
    const { x, labels } = await collect(source, createRunContext({ dim: 1, particles: N, batchSize: 5000, seed: 3 }));
    for (let k = 0; k < 3; k++) {
      const stats = coordinateStats(x, 1, 0, (i) => labels![i] === k);
      expect(Math.abs(stats.n / N - weights[k])).toBeLessThan(4 * Math.sqrt((weights[k] * (1 - weights[k])) / N));
      expect(Math.abs(stats.mean - means[k])).toBeLessThan((4 * stds[k]) / Math.sqrt(stats.n));
      expect(Math.abs(stats.std - stds[k])).toBeLessThan((4 * stds[k]) / Math.sqrt(2 * stats.n));
    }
  });
});

describe('gaussianMixtureSource(mixture).sample(ctx)', () => {
  const source = gaussianMixtureSource(MIXTURE_PRESETS['double-gaussian']());

  it('gives bit-identical particles and labels for batch sizes 1000, 4096 and 65536', async () => {
    const runs = await Promise.all(
      [1000, 4096, 65_536].map((batchSize) => collect(source, createRunContext({ dim: 2, particles: 9000, batchSize, seed: 5 }))),
    );
    expect(runs.map((r) => r.batches.length)).toEqual([9, 3, 1]);
    for (const run of runs.slice(1)) {
      expect(sameBits(run.x, runs[0].x)).toBe(true);
      expect(sameBits(run.labels!, runs[0].labels!)).toBe(true);
    }
  });

  it('repeats itself for a seed and changes with the seed', async () => {
    const a = await collect(source, createRunContext({ dim: 2, particles: 100, seed: 1 }));
    const b = await collect(source, createRunContext({ dim: 2, particles: 100, seed: 1 }));
    const c = await collect(source, createRunContext({ dim: 2, particles: 100, seed: 2 }));
    expect(sameBits(b.x, a.x)).toBe(true);
    expect(c.x.filter((v, i) => v === a.x[i]).length).toBe(0);
  });

  it('draws for the first batch only when the subscriber takes one', async () => {
    const ctx = createRunContext({ dim: 2, particles: 100_000, batchSize: 1000 });
    let draws = 0;
    const rng: Rng = {
      seed: ctx.rng.seed,
      normal: (out, ids, width, key) => (draws++, ctx.rng.normal(out, ids, width, key)),
      uniform: (out, ids, width, key) => (draws++, ctx.rng.uniform(out, ids, width, key)),
    };
    const batches = await lastValueFrom(source.sample({ ...ctx, rng }).pipe(take(1), toArray()));
    expect(batches).toHaveLength(1);
    expect(draws).toBe(2); // one uniform (component) and one normal (noise) draw
  });

  it('rejects a mixture whose arrays disagree with its dimension', () => {
    const mixture = MIXTURE_PRESETS['double-gaussian']();
    expect(() => gaussianMixtureSource({ ...mixture, means: new Float64Array(3) })).toThrow(/means/);
    expect(() => gaussianMixtureSource({ ...mixture, weights: Float64Array.from([1, 0]), components: 3 })).toThrow(/weights/);
  });
});
