import { describe, expect, it } from 'vitest';
import { firstValueFrom } from 'rxjs';
import { DimensionError, createRunContext, labelsOf, timesOf } from '@scoreflow/core';
import { collect, coordinateStats, sameBits } from '../testing/collect.js';
import { gaussianSource } from './gaussian-source.js';

describe('gaussianSource({ dim, mean, std })', () => {
  const N = 50_000;
  const mean = [1, -2, 0.5];
  const std = 2;
  const source = gaussianSource({ dim: 3, mean, std });
  const sample = collect(source, createRunContext({ dim: 3, particles: N, batchSize: 7000, seed: 11 }));

  it('emits N unlabelled 3-D particles at t = 0 with ids 0..N-1, the last batch shorter', async () => {
    const { batches, ids, dim } = await sample;
    expect(source).toMatchObject({ name: 'gaussian', dim: 3 });
    expect(dim).toBe(3);
    expect(batches.map((b) => b.numRows)).toEqual([...Array<number>(7).fill(7000), 1000]);
    expect(ids.every((id, i) => id === i)).toBe(true);
    expect(batches.every((b) => labelsOf(b) === undefined && timesOf(b).every((t) => t === 0))).toBe(true);
  });

  it('has mean `mean` and standard deviation `std` in each coordinate, within 4 standard errors', async () => {
    const { x } = await sample;
    for (let j = 0; j < 3; j++) {
      const stats = coordinateStats(x, 3, j);
      expect(Math.abs(stats.mean - mean[j])).toBeLessThan((4 * std) / Math.sqrt(N));
      expect(Math.abs(stats.std - std)).toBeLessThan((4 * std) / Math.sqrt(2 * N));
    }
  });

  it('draws the coordinates independently (correlation within 4 / sqrt(N) of 0)', async () => {
    const { x } = await sample;
    for (const [a, b] of [[0, 1], [1, 2], [0, 2]]) {
      let sum = 0;
      for (let i = 0; i < N; i++) sum += ((x[3 * i + a] - mean[a]) / std) * ((x[3 * i + b] - mean[b]) / std);
      expect(Math.abs(sum / N)).toBeLessThan(4 / Math.sqrt(N));
    }
  });

  it('broadcasts a scalar mean and defaults to N(0, I)', async () => {
    const shifted = await collect(gaussianSource({ dim: 2, mean: 3 }), createRunContext({ dim: 2, particles: 1000, seed: 1 }));
    const standard = await collect(gaussianSource({ dim: 2 }), createRunContext({ dim: 2, particles: 1000, seed: 1 }));
    // Same seed and stream: the shifted sample is the standard one plus 3.
    expect(shifted.x.every((v, i) => Math.abs(v - (standard.x[i] + 3)) < 1e-5)).toBe(true);
    expect(Math.abs(coordinateStats(standard.x, 2, 1).mean)).toBeLessThan(4 / Math.sqrt(1000));
  });

  it('gives bit-identical particles for batch sizes 1000, 4096 and 65536', async () => {
    const runs = await Promise.all(
      [1000, 4096, 65_536].map((batchSize) => collect(source, createRunContext({ dim: 3, particles: 9000, batchSize, seed: 5 }))),
    );
    expect(sameBits(runs[1].x, runs[0].x) && sameBits(runs[2].x, runs[0].x)).toBe(true);
  });

  it('stops when the subscriber has its first batch', async () => {
    const batch = await firstValueFrom(source.sample(createRunContext({ dim: 3, particles: 1_000_000, batchSize: 100 })));
    expect(batch.numRows).toBe(100);
  });

  it('rejects a mean whose length is not dim, naming mean', () => {
    expect(() => gaussianSource({ dim: 2, mean: [1, 2, 3] })).toThrow(DimensionError);
    expect(() => gaussianSource({ dim: 2, mean: [1, 2, 3] })).toThrow(/mean.*expected dimension 2, got 3/);
  });

  it('rejects a bad dim or std', () => {
    expect(() => gaussianSource({ dim: 0 })).toThrow(/dim must be an integer >= 1, got 0/);
    expect(() => gaussianSource({ dim: 2, std: 0 })).toThrow(/std must be a finite number > 0, got 0/);
    expect(() => gaussianSource({ dim: 1, mean: [Number.NaN] })).toThrow(/mean\[0\] must be finite/);
  });
});
