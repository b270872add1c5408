import { describe, expect, it } from 'vitest';
import { createRunContext, donut, erf, rangeIds } from '@scoreflow/core';
import { collect, sameBits } from '../../testing/collect.js';
import { keyedDraws } from '../keyed-draws.js';
import { meanMismatch } from '../testing/sample-mean.js';
import { donutOptions } from './donut-plugin.js';
import { donutRadii } from './donut-radius.js';
import { donutSource } from './donut-source.js';

const Phi = (t: number) => 0.5 * (1 + erf(t / Math.SQRT2));

/**
 * The law of the radius, density proportional to r exp(-(r - R)^2 / (2 w^2)) on r > 0, in closed
 * form: with u = r - R and M_k = int_{-R}^inf u^k exp(-u^2 / (2 w^2)) du,
 * M0 = w sqrt(2 pi) Phi(R / w), M1 = w^2 e, M2 = w^2 (M0 - R e), M3 = w^2 (R^2 e + 2 M1), e = exp(-R^2 / (2 w^2)),
 * the normaliser is R M0 + M1, E r = E (R + u) = (R^2 M0 + 2 R M1 + M2) / Z, E r^2 = (R^3 M0 + 3 R^2 M1 + 3 R M2 + M3) / Z,
 * and P(r <= t) = [w^2 (e - exp(-(t - R)^2 / (2 w^2))) + R w sqrt(2 pi) (Phi((t - R) / w) - Phi(-R / w))] / Z.
 */
function radiusLaw(R: number, w: number) {
  const e = Math.exp(-(R * R) / (2 * w * w));
  const m0 = w * Math.sqrt(2 * Math.PI) * Phi(R / w);
  const m1 = w * w * e;
  const m2 = w * w * (m0 - R * e);
  const m3 = w * w * (R * R * e + 2 * m1);
  const z = R * m0 + m1;
  return {
    mean: (R * R * m0 + 2 * R * m1 + m2) / z,
    second: (R ** 3 * m0 + 3 * R * R * m1 + 3 * R * m2 + m3) / z,
    cdf: (t: number) => (w * w * (e - Math.exp(-((t - R) ** 2) / (2 * w * w))) + R * w * Math.sqrt(2 * Math.PI) * (Phi((t - R) / w) - Phi(-R / w))) / z,
  };
}

describe('donutSource(options)', () => {
  it("carries core's donut density with the options after defaults", () => {
    const source = donutSource({ radius: 2 });
    expect(source).toMatchObject({ name: 'donut', dim: 2 });
    expect(source.density.parameters).toEqual({ radius: 2, width: 0.5 });
    const points = Float32Array.from([0.3, -1, 2, 1.5, -3, 4]);
    expect(source.density.logDensity(points, new Float64Array(3))).toEqual(donut({ radius: 2 }).logDensity(points, new Float64Array(3)));
  });

  for (const [R, w] of [[3, 0.5], [0.5, 1], [0, 1]]) {
    it(`draws the radius exactly (R = ${R}, w = ${w}): E r, E r^2 and the Kolmogorov-Smirnov distance to its CDF`, async () => {
      const N = 100_000;
      const { x } = await collect(donutSource({ radius: R, width: w }), createRunContext({ dim: 2, particles: N, seed: 41 }));
      const r = Float64Array.from({ length: N }, (_, i) => Math.hypot(x[2 * i], x[2 * i + 1]));
      const law = radiusLaw(R, w);
      expect(meanMismatch(N, (i) => r[i], law.mean, 'E r')).toBe('');
      expect(meanMismatch(N, (i) => r[i] ** 2, law.second, 'E r^2')).toBe('');
      // E x1^2 = E x2^2 = E r^2 / 2 (uniform angle), E x1 x2 = 0.
      expect(meanMismatch(N, (i) => x[2 * i] ** 2, law.second / 2, 'E x1^2')).toBe('');
      expect(meanMismatch(N, (i) => x[2 * i] * x[2 * i + 1], 0, 'E x1 x2')).toBe('');
      r.sort();
      let distance = 0;
      for (let i = 0; i < N; i++) {
        const F = law.cdf(r[i]);
        distance = Math.max(distance, Math.abs(F - i / N), Math.abs(F - (i + 1) / N));
      }
      // 1.95 / sqrt(N) is the 0.1% critical value of the Kolmogorov-Smirnov statistic.
      expect(distance).toBeLessThan(1.95 / Math.sqrt(N));
    });
  }

  it('gives bit-identical particles for batch sizes 7, 1000, 4096 and 65536 (rejection keyed by id and round)', async () => {
    const source = donutSource({ radius: 0.5, width: 1 }); // acceptance about 0.6: many rounds
    const runs = await Promise.all([7, 1000, 4096, 65_536].map((batchSize) => collect(source, createRunContext({ dim: 2, particles: 9000, batchSize, seed: 4 }))));
    for (const run of runs.slice(1)) expect(sameBits(run.x, runs[0].x)).toBe(true);
  });

  it('changes with the seed and repeats itself for a seed', async () => {
    const run = (seed: number) => collect(donutSource(), createRunContext({ dim: 2, particles: 500, seed }));
    const [a, b, c] = await Promise.all([run(1), run(1), run(2)]);
    expect(sameBits(a.x, b.x)).toBe(true);
    expect(c.x.filter((v, i) => v === a.x[i]).length).toBe(0);
  });

  it('rejects a negative radius and a width <= 0 with core\'s messages; the plugin defaults are core\'s', () => {
    expect(() => donutSource({ radius: -1 })).toThrow(/donut: 'radius' must be a finite number >= 0, got -1/);
    expect(() => donutSource({ width: 0 })).toThrow(/'width' must be a finite number > 0, got 0/);
    expect(donutOptions.parse({})).toEqual({ radius: 3, width: 0.5 });
  });
});

describe('donutRadii(draws, range, radius, width, out)', () => {
  it("gives a particle the same radius whichever range it is drawn in", () => {
    const rng = createRunContext({ dim: 2, seed: 5 }).rng;
    const whole = donutRadii(keyedDraws(rng), { first: 0, count: 3000, ids: rangeIds(0, 3000) }, 0, 1, new Float64Array(3000));
    const part = donutRadii(keyedDraws(rng), { first: 1500, count: 700, ids: rangeIds(1500, 700) }, 0, 1, new Float64Array(700));
    expect(sameBits(part, whole.subarray(1500, 2200))).toBe(true);
    expect(whole.every((r) => r > 0)).toBe(true);
  });
});
