import { describe, expect, it } from 'vitest';
import { createRunContext } from '@scoreflow/core';
import { collect, sameBits } from '../../testing/collect.js';
import { meanMismatch } from '../testing/sample-mean.js';
import { pinwheelOptions } from './pinwheel-plugin.js';
import { pinwheelSource } from './pinwheel-source.js';

describe('pinwheelSource(options)', () => {
  it('labels particle i with arm i mod arms', async () => {
    const { labels } = await collect(pinwheelSource({ arms: 3 }), createRunContext({ dim: 2, particles: 1000, batchSize: 300 }));
    expect(labels!.every((arm, i) => arm === i % 3)).toBe(true);
  });

  it('without spread puts arm k at 2 scale (cos a, -sin a), a = 2 pi k / arms + rate e (the einsum of the reference)', async () => {
    const [arms, rate, scale] = [5, 0.25, 1.5];
    const { x } = await collect(pinwheelSource({ arms, rate, scale, radialStd: 0, tangentialStd: 0 }), createRunContext({ dim: 2, particles: 10 }));
    for (let i = 0; i < 10; i++) {
      const a = (2 * Math.PI * (i % arms)) / arms + rate * Math.E;
      expect(x[2 * i]).toBeCloseTo(2 * scale * Math.cos(a), 6);
      expect(x[2 * i + 1]).toBeCloseTo(-2 * scale * Math.sin(a), 6);
    }
  });

  it('has E |x|^2 = 4 scale^2 (1 + radialStd^2 + tangentialStd^2) (a rotation keeps |f|) and mean 0 over whole turns of arms', async () => {
    const N = 100_000;
    const { x } = await collect(pinwheelSource(), createRunContext({ dim: 2, particles: N, seed: 5 }));
    expect(meanMismatch(N, (i) => x[2 * i] ** 2 + x[2 * i + 1] ** 2, 4 * (1 + 0.09 + 0.01), 'E |x|^2')).toBe('');
    // The 5 arms are rotations of one another by 2 pi / 5, so their average is 0.
    expect(meanMismatch(N, (i) => x[2 * i], 0, 'E x1')).toBe('');
    expect(meanMismatch(N, (i) => x[2 * i + 1], 0, 'E x2')).toBe('');
  });

  it('gives bit-identical particles for batch sizes 1000, 4096 and 65536', async () => {
    const runs = await Promise.all([1000, 4096, 65_536].map((batchSize) => collect(pinwheelSource(), createRunContext({ dim: 2, particles: 9000, batchSize, seed: 4 }))));
    expect(sameBits(runs[1].x, runs[0].x) && sameBits(runs[2].x, runs[0].x)).toBe(true);
  });

  it("rejects a fractional or zero number of arms and negative spreads; defaults to FFJORD's pinwheel", () => {
    expect(() => pinwheelSource({ arms: 2.5 })).toThrow(/pinwheelSource: 'arms' must be an integer >= 1, got 2.5/);
    expect(() => pinwheelSource({ arms: 0 })).toThrow(/'arms'/);
    expect(() => pinwheelSource({ radialStd: -0.1 })).toThrow(/'radialStd' must be a finite number >= 0/);
    expect(() => pinwheelSource({ rate: Number.POSITIVE_INFINITY })).toThrow(/'rate' must be a finite number/);
    expect(pinwheelOptions.parse({})).toEqual({ arms: 5, radialStd: 0.3, tangentialStd: 0.1, rate: 0.25, scale: 1 });
  });
});
