import { describe, expect, it } from 'vitest';
import { createRunContext, funnel } from '@scoreflow/core';
import { collect, sameBits } from '../../testing/collect.js';
import { meanMismatch } from '../testing/sample-mean.js';
import { funnelOptions } from './funnel-plugin.js';
import { funnelSource } from './funnel-source.js';

describe('funnelSource(options)', () => {
  it("carries core's funnel density with the options after defaults", () => {
    const source = funnelSource();
    expect(source).toMatchObject({ name: 'funnel', dim: 2 });
    expect(source.density.parameters).toEqual({ scale: 3 });
    const points = Float32Array.from([0.3, -1, -4, 0.01, 5, 12]);
    expect(source.density.logDensity(points, new Float64Array(3))).toEqual(funnel().logDensity(points, new Float64Array(3)));
  });

  it('has x1 ~ N(0, s^2) and x2 exp(-x1 / 2) ~ N(0, 1) independent of x1 (scale 3)', async () => {
    const N = 200_000;
    const { x } = await collect(funnelSource(), createRunContext({ dim: 2, particles: N, seed: 31 }));
    const x1 = (i: number) => x[2 * i];
    const z = (i: number) => x[2 * i + 1] * Math.exp(-x[2 * i] / 2);
    expect(meanMismatch(N, x1, 0, 'E x1')).toBe('');
    expect(meanMismatch(N, (i) => x1(i) ** 2, 9, 'E x1^2')).toBe('');
    expect(meanMismatch(N, z, 0, 'E z')).toBe('');
    expect(meanMismatch(N, (i) => z(i) ** 2, 1, 'E z^2')).toBe('');
    expect(meanMismatch(N, (i) => z(i) ** 2 * x1(i), 0, 'E z^2 x1')).toBe('');
  });

  it('has Var x2 = E exp(x1) = exp(s^2 / 2) (scale 1, where the sample variance is tame)', async () => {
    const N = 200_000;
    const { x } = await collect(funnelSource({ scale: 1 }), createRunContext({ dim: 2, particles: N, seed: 32 }));
    expect(meanMismatch(N, (i) => x[2 * i + 1], 0, 'E x2')).toBe('');
    expect(meanMismatch(N, (i) => x[2 * i + 1] ** 2, Math.exp(0.5), 'E x2^2')).toBe('');
  });

  it('gives bit-identical particles for batch sizes 1000, 4096 and 65536', async () => {
    const runs = await Promise.all([1000, 4096, 65_536].map((batchSize) => collect(funnelSource(), createRunContext({ dim: 2, particles: 9000, batchSize, seed: 4 }))));
    expect(sameBits(runs[1].x, runs[0].x) && sameBits(runs[2].x, runs[0].x)).toBe(true);
  });

  it("rejects a scale <= 0 with core's message; the plugin default is core's", () => {
    expect(() => funnelSource({ scale: -3 })).toThrow(/funnel: 'scale' must be a finite number > 0, got -3/);
    expect(funnelOptions.parse({})).toEqual({ scale: 3 });
  });
});
