import { describe, expect, it } from 'vitest';
import { MIXTURE_PRESETS, createRunContext, describeSource, mixtureGradLogDensity, mixtureLogDensity } from '@scoreflow/core';
import { collect, coordinateStats, sameBits } from '../../testing/collect.js';
import { eightGaussiansOptions } from './eight-gaussians-plugin.js';
import { eightGaussiansSource } from './eight-gaussians-source.js';
import { twentyFiveGaussiansOptions } from './twenty-five-gaussians-plugin.js';
import { twentyFiveGaussiansSource } from './twenty-five-gaussians-source.js';

/** log of (1/K) sum_k N(x; mu_k, sigma^2 I), summed naively (the reference for the log-sum-exp). */
function naiveLogDensity(x1: number, x2: number, means: readonly (readonly number[])[], sigma: number): number {
  let sum = 0;
  for (const [m1, m2] of means) sum += Math.exp(-((x1 - m1) ** 2 + (x2 - m2) ** 2) / (2 * sigma * sigma)) / (2 * Math.PI * sigma * sigma);
  return Math.log(sum / means.length);
}

describe('eightGaussiansSource(options)', () => {
  it("samples core's eight-gaussians preset by default: the same means, std 0.5 / sqrt(2), component as label", async () => {
    const N = 80_000;
    const preset = MIXTURE_PRESETS['eight-gaussians']();
    const source = eightGaussiansSource();
    expect(source).toMatchObject({ name: 'eight-gaussians', dim: 2 });
    expect(source.density.parameters).toEqual({ scale: 1, std: 0.5 / Math.SQRT2 });
    const { x, labels } = await collect(source, createRunContext({ dim: 2, particles: N, seed: 12 }));
    for (let k = 0; k < 8; k++) {
      for (let j = 0; j < 2; j++) {
        const stats = coordinateStats(x, 2, j, (i) => labels![i] === k);
        expect(Math.abs(stats.n / N - 1 / 8)).toBeLessThan(4 * Math.sqrt((1 / 8) * (7 / 8) / N));
        expect(Math.abs(stats.mean - preset.means[2 * k + j])).toBeLessThan((4 * preset.stds[0]) / Math.sqrt(stats.n));
        expect(Math.abs(stats.std - preset.stds[0])).toBeLessThan((4 * preset.stds[0]) / Math.sqrt(2 * stats.n));
      }
    }
  });

  it('multiplies every point by scale and sets the component std before it', async () => {
    const ctx = () => createRunContext({ dim: 2, particles: 3000, seed: 2 });
    const one = await collect(eightGaussiansSource({ std: 0.1 }), ctx());
    const two = await collect(eightGaussiansSource({ std: 0.1, scale: 2 }), ctx());
    expect(sameBits(two.x, one.x.map((v) => 2 * v))).toBe(true);
    expect(sameBits(two.labels!, one.labels!)).toBe(true);
  });

  it('has the exact mixture density (1/8) sum_k N(x; scale m_k, (scale std)^2 I)', () => {
    const [scale, std] = [1.5, 0.3];
    const means = Array.from({ length: 8 }, (_, k) => [scale * 2 * Math.SQRT2 * Math.cos((k * Math.PI) / 4), scale * 2 * Math.SQRT2 * Math.sin((k * Math.PI) / 4)]);
    const points = Float64Array.from([0, 0, 4.2, 0.1, -3, 3, 1, -2.5]);
    const log = eightGaussiansSource({ scale, std }).density.logDensity(points, new Float64Array(4));
    for (let i = 0; i < 4; i++) expect(log[i]).toBeCloseTo(naiveLogDensity(points[2 * i], points[2 * i + 1], means, scale * std), 10);
  });

  it("is core's mixture density: the same bits as mixtureLogDensity and mixtureGradLogDensity, for float32 and float64 points", () => {
    const source = eightGaussiansSource({ scale: 1.5, std: 0.3 });
    const law = describeSource(source);
    if (law.kind !== 'mixture') throw new Error(`expected a mixture, got ${law.kind}`);
    const [mixture, density] = [law.mixture, source.density];
    const n = 1000;
    const points = Float64Array.from({ length: 2 * n }, (_, i) => 4 * Math.sin(1.7 * i + 0.3));
    for (const x of [points, Float32Array.from(points)]) {
      expect(sameBits(density.logDensity(x, new Float64Array(n)), mixtureLogDensity(mixture, x, new Float64Array(n)))).toBe(true);
      expect(sameBits(density.gradLogDensity(x, new Float32Array(2 * n)), mixtureGradLogDensity(mixture, x, new Float32Array(2 * n)))).toBe(true);
    }
  });

  it('rejects a scale or std <= 0; defaults to scale 1, std 0.5 / sqrt(2)', () => {
    expect(() => eightGaussiansSource({ std: 0 })).toThrow(/eightGaussiansSource: 'std' must be a finite number > 0, got 0/);
    expect(() => eightGaussiansSource({ scale: -1 })).toThrow(/'scale'/);
    expect(eightGaussiansOptions.parse({})).toEqual({ scale: 1, std: 0.5 / Math.SQRT2 });
  });
});

describe('twentyFiveGaussiansSource(options)', () => {
  it('puts component k = 5 (i + 2) + (j + 2) at (i, j) / sqrt(2) with std 0.05 / sqrt(8), each with weight 1/25', async () => {
    const N = 100_000;
    const sigma = 0.05 / Math.sqrt(8);
    const source = twentyFiveGaussiansSource();
    expect(source).toMatchObject({ name: 'twenty-five-gaussians', dim: 2 });
    const { x, labels } = await collect(source, createRunContext({ dim: 2, particles: N, seed: 13 }));
    for (let k = 0; k < 25; k++) {
      const mean = [(Math.floor(k / 5) - 2) / Math.SQRT2, ((k % 5) - 2) / Math.SQRT2];
      for (let j = 0; j < 2; j++) {
        const stats = coordinateStats(x, 2, j, (i) => labels![i] === k);
        expect(Math.abs(stats.n / N - 1 / 25)).toBeLessThan(4 * Math.sqrt((1 / 25) * (24 / 25) / N));
        expect(Math.abs(stats.mean - mean[j])).toBeLessThan((4 * sigma) / Math.sqrt(stats.n));
        expect(Math.abs(stats.std - sigma)).toBeLessThan((4 * sigma) / Math.sqrt(2 * stats.n));
      }
    }
  });

  it('has the exact mixture density (1/25) sum N(x; scale m_ij, (scale std)^2 I), finite far from every mode', () => {
    const [scale, std] = [2, 0.2];
    const means: number[][] = [];
    for (let i = -2; i <= 2; i++) for (let j = -2; j <= 2; j++) means.push([(scale * i) / Math.SQRT2, (scale * j) / Math.SQRT2]);
    const density = twentyFiveGaussiansSource({ scale, std }).density;
    const points = Float64Array.from([0, 0, 0.7, 0.7, -2.9, 1.3, 0.2, -0.4]);
    const log = density.logDensity(points, new Float64Array(4));
    for (let i = 0; i < 4; i++) expect(log[i]).toBeCloseTo(naiveLogDensity(points[2 * i], points[2 * i + 1], means, scale * std), 10);
    // Far away the naive sum underflows to log 0; the log-sum-exp stays finite.
    expect(Number.isFinite(twentyFiveGaussiansSource().density.logDensity(Float64Array.from([50, 50]), new Float64Array(1))[0])).toBe(true);
  });

  it('gives bit-identical particles for batch sizes 1000, 4096 and 65536', async () => {
    const runs = await Promise.all([1000, 4096, 65_536].map((batchSize) => collect(twentyFiveGaussiansSource(), createRunContext({ dim: 2, particles: 9000, batchSize, seed: 4 }))));
    expect(sameBits(runs[1].x, runs[0].x) && sameBits(runs[2].x, runs[0].x)).toBe(true);
  });

  it('rejects a scale or std <= 0; defaults to scale 1, std 0.05 / sqrt(8)', () => {
    expect(() => twentyFiveGaussiansSource({ std: -0.1 })).toThrow(/twentyFiveGaussiansSource: 'std' must be a finite number > 0, got -0.1/);
    expect(twentyFiveGaussiansOptions.parse({})).toEqual({ scale: 1, std: 0.05 / Math.sqrt(8) });
  });
});
