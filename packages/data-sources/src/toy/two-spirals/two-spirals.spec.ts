import { describe, expect, it } from 'vitest';
import { createRunContext } from '@scoreflow/core';
import { collect, sameBits } from '../../testing/collect.js';
import { meanMismatch } from '../testing/sample-mean.js';
import { twoSpiralsOptions } from './two-spirals-plugin.js';
import { twoSpiralsSource } from './two-spirals-source.js';

describe('twoSpiralsSource(options)', () => {
  it('labels particle i with spiral i mod 2 and makes spiral 1 the mirror image of spiral 0 in law', async () => {
    // n = 3 pi sqrt(u) has density 2n / (3 pi)^2 on [0, 3 pi]: E[-n cos n] = 4 / (3 pi), E[n sin n] = 2 - 8 / (9 pi^2);
    // the jitter 0.5 u adds 1/4; the set is divided by 3 and spiral 1 is negated.
    const N = 200_000;
    const { x, labels } = await collect(twoSpiralsSource(), createRunContext({ dim: 2, particles: N, seed: 6 }));
    expect(labels!.every((s, i) => s === i % 2)).toBe(true);
    const mean = [(4 / (3 * Math.PI) + 0.25) / 3, (2 - 8 / (9 * Math.PI ** 2) + 0.25) / 3];
    const half = N / 2;
    for (const spiral of [0, 1]) {
      const sign = spiral === 0 ? 1 : -1;
      for (let j = 0; j < 2; j++) {
        expect(meanMismatch(half, (k) => x[2 * (2 * k + spiral) + j], sign * mean[j], `spiral ${spiral}, E x${j + 1}`)).toBe('');
      }
    }
  });

  it('has E |x|^2 = scale^2 (E |d|^2 / 9 + 2 noise^2) with E |d|^2 = 9 pi^2 / 2 + E[n (-cos n + sin n)] + 1/6', async () => {
    // |d|^2 = n^2 + n (-cos n u2 + sin n u3) + (u2^2 + u3^2) / 4, E n^2 = 9 pi^2 / 2, E u = 1/2, E u^2 = 1/3.
    const N = 200_000;
    const [noise, scale] = [0.1, 2];
    const { x } = await collect(twoSpiralsSource({ noise, scale }), createRunContext({ dim: 2, particles: N, seed: 7 }));
    const d2 = (9 * Math.PI ** 2) / 2 + 0.5 * (4 / (3 * Math.PI) + 2 - 8 / (9 * Math.PI ** 2)) + 1 / 6;
    expect(meanMismatch(N, (i) => x[2 * i] ** 2 + x[2 * i + 1] ** 2, scale * scale * (d2 / 9 + 2 * noise * noise), 'E |x|^2')).toBe('');
  });

  it('keeps noise-free points within the spiral radius (3 pi + 0.5 sqrt 2) / 3', async () => {
    const { x } = await collect(twoSpiralsSource({ noise: 0 }), createRunContext({ dim: 2, particles: 20_000 }));
    for (let i = 0; i < x.length; i += 2) expect(Math.hypot(x[i], x[i + 1])).toBeLessThanOrEqual((3 * Math.PI + 0.5 * Math.SQRT2) / 3 + 1e-5);
  });

  it('gives bit-identical particles for batch sizes 1000, 4096 and 65536', async () => {
    const runs = await Promise.all([1000, 4096, 65_536].map((batchSize) => collect(twoSpiralsSource(), createRunContext({ dim: 2, particles: 9000, batchSize, seed: 4 }))));
    expect(sameBits(runs[1].x, runs[0].x) && sameBits(runs[2].x, runs[0].x)).toBe(true);
  });

  it("rejects negative noise; defaults to FFJORD's noise 0.1, scale 1", () => {
    expect(() => twoSpiralsSource({ noise: -0.1 })).toThrow(/twoSpiralsSource: 'noise' must be a finite number >= 0, got -0.1/);
    expect(twoSpiralsOptions.parse({})).toEqual({ noise: 0.1, scale: 1 });
  });
});
