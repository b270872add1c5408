import { describe, expect, it } from 'vitest';
import { createRunContext } from '@scoreflow/core';
import { collect, sameBits } from '../../testing/collect.js';
import { meanMismatch } from '../testing/sample-mean.js';
import { circlesOptions } from './circles-plugin.js';
import { circlesSource } from './circles-source.js';

describe('circlesSource(options)', () => {
  it('puts even ids on the unit circle (label 0) and odd ids on the circle of radius factor (label 1)', async () => {
    const N = 10_001;
    const { x, labels, ids } = await collect(circlesSource({ factor: 0.3 }), createRunContext({ dim: 2, particles: N, batchSize: 4000 }));
    expect(ids.length).toBe(N);
    for (let i = 0; i < N; i++) {
      expect(labels![i]).toBe(i % 2);
      expect(Math.abs(Math.hypot(x[2 * i], x[2 * i + 1]) - (i % 2 === 0 ? 1 : 0.3))).toBeLessThan(1e-6);
    }
  });

  it('has mean 0 and E x_j^2 = scale^2 ((1 + factor^2) / 4 + noise^2), the angle uniform', async () => {
    const N = 100_000;
    const [factor, noise, scale] = [0.5, 0.08, 3];
    const { x } = await collect(circlesSource({ factor, noise, scale }), createRunContext({ dim: 2, particles: N, seed: 2 }));
    const second = scale * scale * ((1 + factor * factor) / 4 + noise * noise);
    for (let j = 0; j < 2; j++) {
      expect(meanMismatch(N, (i) => x[2 * i + j], 0, `E x${j + 1}`)).toBe('');
      expect(meanMismatch(N, (i) => x[2 * i + j] ** 2, second, `E x${j + 1}^2`)).toBe('');
    }
    expect(meanMismatch(N, (i) => x[2 * i] * x[2 * i + 1], 0, 'E x1 x2')).toBe('');
  });

  it('multiplies every point by scale, noise included', async () => {
    const ctx = () => createRunContext({ dim: 2, particles: 3000, seed: 9 });
    const one = await collect(circlesSource({ noise: 0.1 }), ctx());
    const two = await collect(circlesSource({ noise: 0.1, scale: 2 }), ctx());
    expect(sameBits(two.x, one.x.map((v) => 2 * v))).toBe(true);
  });

  it('gives bit-identical particles for batch sizes 1000, 4096 and 65536', async () => {
    const runs = await Promise.all([1000, 4096, 65_536].map((batchSize) => collect(circlesSource({ noise: 0.05 }), createRunContext({ dim: 2, particles: 9000, batchSize, seed: 4 }))));
    expect(sameBits(runs[1].x, runs[0].x) && sameBits(runs[2].x, runs[0].x)).toBe(true);
  });

  it('rejects a factor outside [0, 1) and negative noise', () => {
    expect(() => circlesSource({ factor: 1 })).toThrow(/circlesSource: 'factor' must be < 1/);
    expect(() => circlesSource({ factor: -0.5 })).toThrow(/'factor' must be a finite number >= 0, got -0.5/);
    expect(() => circlesSource({ noise: -1 })).toThrow(/'noise'/);
  });

  it('defaults to factor 0.5, noise 0, scale 1', () => {
    expect(circlesOptions.parse({})).toEqual({ factor: 0.5, noise: 0, scale: 1 });
  });
});
