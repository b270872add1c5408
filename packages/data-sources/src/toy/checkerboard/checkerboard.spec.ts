import { describe, expect, it } from 'vitest';
import { createRunContext, labelsOf } from '@scoreflow/core';
import { collect, sameBits } from '../../testing/collect.js';
import { meanMismatch } from '../testing/sample-mean.js';
import { checkerboardDensity } from './checkerboard-density.js';
import { checkerboardSource } from './checkerboard-source.js';

/** The square (a, b) in -2..1 of the point, squares of side 2 scale. */
const square = (x1: number, x2: number, scale = 1) => [Math.floor(x1 / (2 * scale)), Math.floor(x2 / (2 * scale))];

describe('checkerboardSource(options)', () => {
  const N = 160_000;
  const sample = collect(checkerboardSource(), createRunContext({ dim: 2, particles: N, seed: 11 }));

  it('emits N unlabelled 2-D particles, all on the dark squares of the board [-4, 4]^2', async () => {
    const { x, batches, ids } = await sample;
    expect(ids.length).toBe(N);
    expect(batches.every((b) => labelsOf(b) === undefined)).toBe(true);
    for (let i = 0; i < N; i++) {
      const [a, b] = square(x[2 * i], x[2 * i + 1]);
      expect(a >= -2 && a <= 1 && b >= -2 && b <= 1).toBe(true);
      expect((a + b) % 2 === 0).toBe(true);
    }
  });

  it('gives each of the 8 dark squares 1/8 of the particles, within 4 standard errors', async () => {
    const { x } = await sample;
    const counts = new Map<string, number>();
    for (let i = 0; i < N; i++) {
      const key = square(x[2 * i], x[2 * i + 1]).join(',');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(8);
    for (const count of counts.values()) expect(Math.abs(count / N - 1 / 8)).toBeLessThan(4 * Math.sqrt((1 / 8) * (7 / 8) / N));
  });

  it('is uniform within the squares: the offset in a square has mean 1 and second moment 4/3 per axis', async () => {
    const { x } = await sample;
    for (let j = 0; j < 2; j++) {
      const offset = (i: number) => x[2 * i + j] - 2 * Math.floor(x[2 * i + j] / 2);
      expect(meanMismatch(N, offset, 1, `offset ${j}`)).toBe('');
      expect(meanMismatch(N, (i) => offset(i) ** 2, 4 / 3, `offset ${j} squared`)).toBe('');
    }
  });

  it('multiplies the board by scale, with density 1 / (32 scale^2) on its dark squares', async () => {
    const ctx = () => createRunContext({ dim: 2, particles: 3000, seed: 2 });
    const one = await collect(checkerboardSource(), ctx());
    const half = await collect(checkerboardSource({ scale: 0.5 }), ctx());
    expect(sameBits(half.x, one.x.map((v) => v / 2))).toBe(true);
    const log = checkerboardSource({ scale: 0.5 }).density.logDensity(half.x, new Float64Array(3000));
    expect(log.every((v) => v === -Math.log(8))).toBe(true);
  });

  it('gives bit-identical particles for batch sizes 1000, 4096 and 65536', async () => {
    const runs = await Promise.all([1000, 4096, 65_536].map((batchSize) => collect(checkerboardSource(), createRunContext({ dim: 2, particles: 9000, batchSize, seed: 4 }))));
    expect(sameBits(runs[1].x, runs[0].x) && sameBits(runs[2].x, runs[0].x)).toBe(true);
  });
});

describe('checkerboardDensity(options)', () => {
  const density = checkerboardDensity();

  it('is log(1/32) on the dark squares, -Infinity on the light ones and off the board', () => {
    const points = Float64Array.from([0.5, 0.5, 2.5, 0.5, -1, -1, -3, 3, 4.5, 0, 0, -4.5, 3.9, -0.1]);
    expect(Array.from(density.logDensity(points, new Float64Array(7)))).toEqual([
      -Math.log(32), -Infinity, -Math.log(32), -Infinity, -Infinity, -Infinity, -Math.log(32),
    ]);
  });

  it('takes the dark squares closed: edges and corners of a dark square are in the support', () => {
    // (2, 0.5) is on the edge between the light square (1, 0) and the dark square (0, 0); (4, 4) is the corner of (1, 1).
    const points = Float64Array.from([2, 0.5, 4, 4, -4, -4, 0, 0]);
    expect(Array.from(density.logDensity(points, new Float64Array(4)))).toEqual(Array(4).fill(-Math.log(32)));
  });

  it('has a zero gradient and checks the sizes of x and out', () => {
    expect(Array.from(density.gradLogDensity(Float64Array.from([0.5, 0.5]), new Float32Array(2)))).toEqual([0, 0]);
    expect(() => density.logDensity(new Float32Array(3), new Float64Array(1))).toThrow(/checkerboard.logDensity: x holds 3 values/);
    expect(() => density.logDensity(new Float32Array(4), new Float64Array(1))).toThrow(/out holds 1 values, expected 2/);
  });

  it('rejects a scale <= 0', () => {
    expect(() => checkerboardDensity({ scale: 0 })).toThrow(/checkerboardDensity: 'scale' must be a finite number > 0, got 0/);
  });
});
