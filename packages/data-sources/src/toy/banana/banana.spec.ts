import { describe, expect, it } from 'vitest';
import { banana, createRunContext, labelsOf } from '@scoreflow/core';
import { collect, sameBits } from '../../testing/collect.js';
import { meanMismatch } from '../testing/sample-mean.js';
import { bananaOptions } from './banana-plugin.js';
import { bananaSource } from './banana-source.js';

describe('bananaSource(options)', () => {
  it("carries core's banana density with the options after defaults", () => {
    const source = bananaSource({ curvature: 0.5 });
    expect(source).toMatchObject({ name: 'banana', dim: 2 });
    expect(source.density.parameters).toEqual({ scale: 2, curvature: 0.5, width: 1 });
    const points = Float32Array.from([0.3, -1, 2, 1.5, -3, 4]);
    expect(source.density.logDensity(points, new Float64Array(3))).toEqual(banana({ curvature: 0.5 }).logDensity(points, new Float64Array(3)));
  });

  for (const [label, options] of [['defaults', {}], ['{ scale: 1, curvature: -1, width: 0.3 }', { scale: 1, curvature: -1, width: 0.3 }]] as const) {
    it(`matches the closed-form moments (${label}): E x1^2 = s^2, E x2^2 = w^2 + 2 c^2 s^4, E x1^2 x2 = 2 c s^4`, async () => {
      const N = 200_000;
      const { scale: s, curvature: c, width: w } = bananaSource(options).density.parameters;
      const { x, batches } = await collect(bananaSource(options), createRunContext({ dim: 2, particles: N, seed: 21 }));
      expect(batches.every((b) => labelsOf(b) === undefined)).toBe(true);
      const x1 = (i: number) => x[2 * i];
      const x2 = (i: number) => x[2 * i + 1];
      expect(meanMismatch(N, x1, 0, 'E x1')).toBe('');
      expect(meanMismatch(N, x2, 0, 'E x2')).toBe('');
      expect(meanMismatch(N, (i) => x1(i) ** 2, s * s, 'E x1^2')).toBe('');
      expect(meanMismatch(N, (i) => x2(i) ** 2, w * w + 2 * c * c * s ** 4, 'E x2^2')).toBe('');
      expect(meanMismatch(N, (i) => x1(i) * x2(i), 0, 'E x1 x2')).toBe('');
      expect(meanMismatch(N, (i) => x1(i) ** 2 * x2(i), 2 * c * s ** 4, 'E x1^2 x2')).toBe('');
      // Given x1, the residual about the ridge is N(0, w^2), independent of x1.
      const residual = (i: number) => (x2(i) - c * (x1(i) ** 2 - s * s)) / w;
      expect(meanMismatch(N, residual, 0, 'E residual')).toBe('');
      expect(meanMismatch(N, (i) => residual(i) ** 2, 1, 'E residual^2')).toBe('');
      expect(meanMismatch(N, (i) => residual(i) * x1(i) ** 2, 0, 'E residual x1^2')).toBe('');
    });
  }

  it('gives bit-identical particles for batch sizes 1000, 4096 and 65536', async () => {
    const runs = await Promise.all([1000, 4096, 65_536].map((batchSize) => collect(bananaSource(), createRunContext({ dim: 2, particles: 9000, batchSize, seed: 4 }))));
    expect(sameBits(runs[1].x, runs[0].x) && sameBits(runs[2].x, runs[0].x)).toBe(true);
  });

  it("rejects bad options with core's banana messages; the plugin defaults are core's", () => {
    expect(() => bananaSource({ width: 0 })).toThrow(/banana: 'width' must be a finite number > 0, got 0/);
    expect(() => bananaSource({ curvature: Number.NaN })).toThrow(/'curvature' must be a finite number/);
    expect(bananaOptions.parse({})).toEqual({ scale: 2, curvature: 0.25, width: 1 });
  });
});
