import { describe, expect, it } from 'vitest';
import { createRunContext, labelsOf } from '@scoreflow/core';
import { collect, sameBits } from '../../testing/collect.js';
import { meanMismatch } from '../testing/sample-mean.js';
import { swissRollOptions } from './swiss-roll-plugin.js';
import { swissRollSource } from './swiss-roll-source.js';

const [A, B] = [1.5 * Math.PI, 4.5 * Math.PI];

describe('swissRollSource(options)', () => {
  it('without noise puts every point at (t cos t, t sin t) with t = |x| in [1.5 pi, 4.5 pi], unlabelled', async () => {
    const N = 20_000;
    const { x, batches } = await collect(swissRollSource(), createRunContext({ dim: 2, particles: N, batchSize: 7000 }));
    expect(batches.every((b) => labelsOf(b) === undefined)).toBe(true);
    for (let i = 0; i < N; i++) {
      const t = Math.hypot(x[2 * i], x[2 * i + 1]);
      expect(t).toBeGreaterThanOrEqual(A - 1e-5);
      expect(t).toBeLessThanOrEqual(B + 1e-5);
      expect(Math.abs(x[2 * i] - t * Math.cos(t))).toBeLessThan(1e-4);
      expect(Math.abs(x[2 * i + 1] - t * Math.sin(t))).toBeLessThan(1e-4);
    }
  });

  it('has the closed-form moments of t uniform on [1.5 pi, 4.5 pi]: E x = (2, 2 / (3 pi)), E |x|^2 = (B^3 - A^3) / (3 (B - A)) + 2 noise^2', async () => {
    // int t cos t dt = t sin t + cos t and int t sin t dt = sin t - t cos t over [A, B], divided by B - A = 3 pi.
    const N = 200_000;
    const [noise, scale] = [0.5, 0.2];
    const { x } = await collect(swissRollSource({ noise, scale }), createRunContext({ dim: 2, particles: N, seed: 3 }));
    expect(meanMismatch(N, (i) => x[2 * i], scale * 2, 'E x1')).toBe('');
    expect(meanMismatch(N, (i) => x[2 * i + 1], (scale * 2) / (3 * Math.PI), 'E x2')).toBe('');
    const second = scale * scale * ((B ** 3 - A ** 3) / (3 * (B - A)) + 2 * noise * noise);
    expect(meanMismatch(N, (i) => x[2 * i] ** 2 + x[2 * i + 1] ** 2, second, 'E |x|^2')).toBe('');
  });

  it('gives bit-identical particles for batch sizes 1000, 4096 and 65536', async () => {
    const runs = await Promise.all([1000, 4096, 65_536].map((batchSize) => collect(swissRollSource({ noise: 1 }), createRunContext({ dim: 2, particles: 9000, batchSize, seed: 4 }))));
    expect(sameBits(runs[1].x, runs[0].x) && sameBits(runs[2].x, runs[0].x)).toBe(true);
  });

  it('rejects negative noise and a scale <= 0; defaults to noise 0, scale 1', () => {
    expect(() => swissRollSource({ noise: -1 })).toThrow(/swissRollSource: 'noise' must be a finite number >= 0, got -1/);
    expect(() => swissRollSource({ scale: -2 })).toThrow(/'scale' must be a finite number > 0, got -2/);
    expect(swissRollOptions.parse({})).toEqual({ noise: 0, scale: 1 });
  });
});
