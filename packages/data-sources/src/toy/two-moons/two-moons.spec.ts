import { describe, expect, it } from 'vitest';
import { createRunContext, labelsOf, timesOf } from '@scoreflow/core';
import { collect, sameBits } from '../../testing/collect.js';
import { meanMismatch } from '../testing/sample-mean.js';
import { TWO_MOONS_PRESETS } from './two-moons-presets.js';
import { twoMoonsOptions } from './two-moons-plugin.js';
import { twoMoonsSource } from './two-moons-source.js';

describe('twoMoonsSource(options)', () => {
  it('emits N 2-D particles with ids 0..N-1 at t = 0, the moon (id parity) as label', async () => {
    const { batches, ids, labels, dim } = await collect(twoMoonsSource(), createRunContext({ dim: 2, particles: 2500, batchSize: 1000 }));
    expect(dim).toBe(2);
    expect(batches.map((b) => b.numRows)).toEqual([1000, 1000, 500]);
    expect(ids.every((id, i) => id === i)).toBe(true);
    expect(labels!.every((label, i) => label === i % 2)).toBe(true);
    expect(batches.every((b) => labelsOf(b) !== undefined && timesOf(b).every((t) => t === 0))).toBe(true);
  });

  it('without noise puts the outer moon on the upper unit half circle and the inner one on (1 - cos t, 0.5 - sin t)', async () => {
    const N = 20_000;
    const { x } = await collect(twoMoonsSource(), createRunContext({ dim: 2, particles: N, seed: 3 }));
    for (let i = 0; i < N; i++) {
      const [cx, cy] = i % 2 === 0 ? [0, 0] : [1, 0.5];
      const [dx, dy] = [x[2 * i] - cx, x[2 * i + 1] - cy];
      expect(Math.abs(Math.hypot(dx, dy) - 1)).toBeLessThan(1e-6);
      // Outer: t = atan2(dy, dx) in [0, pi]; inner: (cos t, sin t) = (-dx, -dy).
      expect(i % 2 === 0 ? dy : -dy).toBeGreaterThanOrEqual(-1e-7);
    }
  });

  it('spreads t uniformly on [0, pi]: E cos t = 0, E sin t = 2 / pi on each moon', async () => {
    const N = 100_000;
    const { x } = await collect(twoMoonsSource(), createRunContext({ dim: 2, particles: N, seed: 4 }));
    const half = N / 2;
    expect(meanMismatch(half, (k) => x[4 * k], 0, 'outer cos t')).toBe('');
    expect(meanMismatch(half, (k) => x[4 * k + 1], 2 / Math.PI, 'outer sin t')).toBe('');
    expect(meanMismatch(half, (k) => 1 - x[4 * k + 2], 0, 'inner cos t')).toBe('');
    expect(meanMismatch(half, (k) => 0.5 - x[4 * k + 3], 2 / Math.PI, 'inner sin t')).toBe('');
  });

  it("keeps noisy points within 6 noise standard deviations of their moon's circle", async () => {
    const N = 50_000;
    const noise = 0.1;
    const { x } = await collect(twoMoonsSource({ noise }), createRunContext({ dim: 2, particles: N, seed: 5 }));
    let beyond3 = 0;
    for (let i = 0; i < N; i++) {
      const [cx, cy] = i % 2 === 0 ? [0, 0] : [1, 0.5];
      const off = Math.abs(Math.hypot(x[2 * i] - cx, x[2 * i + 1] - cy) - 1);
      expect(off).toBeLessThan(6 * noise);
      if (off > 3 * noise) beyond3++;
    }
    // |noise . normal| <= |noise z|; P(|z_1| > 3) = 0.0027 bounds the share beyond 3 sigma.
    expect(beyond3 / N).toBeLessThan(0.0027 + 4 * Math.sqrt(0.0027 / N));
  });

  it('standard preset: centred, with the closed-form covariance of 2 (moons + 0.05 z - (0.5, 0.25))', async () => {
    // Moons: E x1^2 - (E x1)^2 = 3/4, E x2^2 - (E x2)^2 = 9/16 - 1/pi, Cov = 1/8 - 1/pi; noise adds 0.05^2.
    const N = 200_000;
    const { x } = await collect(twoMoonsSource(TWO_MOONS_PRESETS.standard), createRunContext({ dim: 2, particles: N, seed: 6 }));
    expect(meanMismatch(N, (i) => x[2 * i], 0, 'E x1')).toBe('');
    expect(meanMismatch(N, (i) => x[2 * i + 1], 0, 'E x2')).toBe('');
    expect(meanMismatch(N, (i) => x[2 * i] ** 2, 4 * (0.75 + 0.0025), 'E x1^2')).toBe('');
    expect(meanMismatch(N, (i) => x[2 * i + 1] ** 2, 4 * (0.5625 - 1 / Math.PI + 0.0025), 'E x2^2')).toBe('');
    expect(meanMismatch(N, (i) => x[2 * i] * x[2 * i + 1], 4 * (0.125 - 1 / Math.PI), 'E x1 x2')).toBe('');
  });

  it('standard preset is make_moons(noise = 0.05) shifted by (-0.5, -0.25) and scaled by 2', async () => {
    const ctx = () => createRunContext({ dim: 2, particles: 5000, seed: 7 });
    const raw = await collect(twoMoonsSource({ noise: 0.05 }), ctx());
    const standard = await collect(twoMoonsSource({ noise: 0.05, shift: [-0.5, -0.25], scale: 2 }), ctx());
    expect(sameBits(standard.labels!, raw.labels!)).toBe(true);
    for (let i = 0; i < 5000; i++) {
      expect(Math.abs(standard.x[2 * i] - 2 * (raw.x[2 * i] - 0.5))).toBeLessThan(1e-6);
      expect(Math.abs(standard.x[2 * i + 1] - 2 * (raw.x[2 * i + 1] - 0.25))).toBeLessThan(1e-6);
    }
  });

  it('gives bit-identical particles and labels for batch sizes 1000, 4096 and 65536', async () => {
    const source = twoMoonsSource(TWO_MOONS_PRESETS.standard);
    const runs = await Promise.all([1000, 4096, 65_536].map((batchSize) => collect(source, createRunContext({ dim: 2, particles: 9000, batchSize, seed: 8 }))));
    for (const run of runs.slice(1)) expect(sameBits(run.x, runs[0].x) && sameBits(run.labels!, runs[0].labels!)).toBe(true);
  });

  it('rejects negative noise, a scale <= 0 and a non-finite shift, naming the argument', () => {
    expect(() => twoMoonsSource({ noise: -0.1 })).toThrow(/twoMoonsSource: 'noise' must be a finite number >= 0, got -0.1/);
    expect(() => twoMoonsSource({ scale: 0 })).toThrow(/'scale' must be a finite number > 0, got 0/);
    expect(() => twoMoonsSource({ shift: [0, Number.NaN] })).toThrow(/'shift\[1\]' must be a finite number/);
  });
});

describe('twoMoonsOptions', () => {
  it("resolves preset 'standard' to noise 0.05, shift (-0.5, -0.25), scale 2, and parses its result back to itself", () => {
    const resolved = twoMoonsOptions.parse({ preset: 'standard' });
    expect(resolved).toEqual({ preset: 'standard', noise: 0.05, shift: [-0.5, -0.25], scale: 2 });
    expect(twoMoonsOptions.parse(resolved)).toEqual(resolved);
  });

  it("defaults to scikit-learn's make_moons without noise, and lets options override a preset", () => {
    expect(twoMoonsOptions.parse({})).toEqual({ noise: 0, shift: [0, 0], scale: 1 });
    expect(twoMoonsOptions.parse({ preset: 'standard', noise: 0.1 })).toEqual({ preset: 'standard', noise: 0.1, shift: [-0.5, -0.25], scale: 2 });
  });
});
