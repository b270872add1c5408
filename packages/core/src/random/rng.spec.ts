import { describe, expect, it } from 'vitest';
import type { Xoshiro128 } from './xoshiro128.js';
import { fillUniforms } from './ziggurat.js';
import { ID_BLOCK_SIZE, compactIds, createRng, deriveSeed, streamId } from './rng.js';

const n = 200_000;

describe('createRng', () => {
  it('draws standard normals: mean, variance, tails and kurtosis within sampling error', () => {
    const x = createRng(7).normal(new Float64Array(n), { first: 0, count: n }, 1, { step: 0 });
    let mean = 0;
    for (const v of x) mean += v / n;
    let variance = 0;
    let fourth = 0;
    let beyond2 = 0;
    for (const v of x) {
      variance += (v - mean) ** 2 / n;
      fourth += (v - mean) ** 4 / n;
      if (Math.abs(v) > 2) beyond2++;
    }
    // Standard errors: mean 1/sqrt(n), variance sqrt(2/n), fourth moment sqrt(96/n), tail share sqrt(p(1-p)/n).
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(variance - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
    expect(Math.abs(fourth - 3)).toBeLessThan(5 * Math.sqrt(96 / n));
    const p = 0.0455;
    expect(Math.abs(beyond2 / n - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / n));
  });

  it('draws uniforms in (0, 1) with mean 1/2 and variance 1/12', () => {
    for (const out of [new Float32Array(n), new Float64Array(n)]) {
      const u = createRng(3).uniform(out, { first: 0, count: n }, 1, { step: 2, stream: 5 });
      let mean = 0;
      let square = 0;
      let outside = 0;
      for (const v of u) {
        if (!(v > 0 && v < 1)) outside++;
        mean += v / n;
        square += v * v / n;
      }
      expect(outside).toBe(0);
      expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
      expect(Math.abs(square - mean * mean - 1 / 12)).toBeLessThan(5 * 0.0745 / Math.sqrt(n));
    }
  });

  it('never returns 0 or 1 for float32 uniforms, even from the extreme 32-bit outputs', () => {
    // A source stuck at the top and at the bottom output.
    const out = new Float32Array(2);
    fillUniforms({ next: () => 0xffffffff } as Xoshiro128, out, 0, 1);
    fillUniforms({ next: () => 0 } as Xoshiro128, out, 1, 1);
    expect(out[0]).toBeLessThan(1);
    expect(out[1]).toBeGreaterThan(0);
  });

  it('gives each particle the same numbers whatever the batch boundaries', () => {
    const rng = createRng(11);
    const total = 3 * ID_BLOCK_SIZE + 123;
    const whole = rng.normal(new Float32Array(total * 3), { first: 0, count: total }, 3, { step: 4, stream: 9 });
    for (const batchSize of [1, 100, 1000, ID_BLOCK_SIZE, 2500]) {
      const pieces = new Float32Array(total * 3);
      for (let first = 0; first < total; first += batchSize) {
        const count = Math.min(batchSize, total - first);
        rng.normal(pieces.subarray(first * 3), { first, count }, 3, { step: 4, stream: 9 });
      }
      expect(pieces).toEqual(whole);
    }
  });

  it('gives the same numbers for an id array as for the range, in any order', () => {
    const rng = createRng(5);
    const whole = rng.normal(new Float32Array(4000 * 2), { first: 0, count: 4000 }, 2, { step: 1 });
    const ids = Uint32Array.from([3999, 17, 18, 19, 2048, 5, 1024]);
    const picked = rng.normal(new Float32Array(ids.length * 2), ids, 2, { step: 1 });
    ids.forEach((id, i) => {
      expect(picked[2 * i]).toBe(whole[2 * id]);
      expect(picked[2 * i + 1]).toBe(whole[2 * id + 1]);
    });
  });

  it('separates seeds, steps and streams', () => {
    const draw = (seed: number, step: number, stream: number) =>
      createRng(seed).normal(new Float32Array(8), { first: 0, count: 8 }, 1, { step, stream });
    const base = draw(1, 0, 0);
    for (const other of [draw(2, 0, 0), draw(1, 1, 0), draw(1, 0, 1), draw(2 ** 40 + 1, 0, 0)]) {
      expect(other).not.toEqual(base);
    }
    expect(draw(1, 0, 0)).toEqual(base);
  });

  it('has uncorrelated neighbouring particles and coordinates', () => {
    const x = createRng(9).normal(new Float64Array(2 * n), { first: 0, count: n }, 2, { step: 0 });
    let within = 0;
    let across = 0;
    for (let i = 0; i + 1 < n; i++) {
      within += x[2 * i] * x[2 * i + 1];
      across += x[2 * i] * x[2 * i + 2];
    }
    expect(Math.abs(within / n)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(across / n)).toBeLessThan(5 / Math.sqrt(n));
  });

  it('rejects seeds that are not non-negative safe integers', () => {
    expect(() => createRng(-1)).toThrow(/seed must be an integer/);
    expect(() => createRng(1.5)).toThrow(/seed must be an integer/);
  });

  it('streamId is a stable 32-bit hash', () => {
    expect(streamId('prior')).toBe(streamId('prior'));
    expect(streamId('prior')).not.toBe(streamId('reverse'));
    expect(streamId('')).toBe(0x811c9dc5);
  });

  it('deriveSeed gives a stable safe-integer seed per purpose', () => {
    const seed = deriveSeed(1, 'reference');
    expect(Number.isSafeInteger(seed) && seed >= 0).toBe(true);
    expect(deriveSeed(1, 'reference')).toBe(seed);
    expect(deriveSeed(2, 'reference')).not.toBe(seed);
    expect(deriveSeed(1, 'other')).not.toBe(seed);
  });

  it('compactIds turns consecutive ids into a range and keeps others as they are', () => {
    expect(compactIds(Uint32Array.of(5, 6, 7))).toEqual({ first: 5, count: 3 });
    const gappy = Uint32Array.of(5, 7, 8);
    expect(compactIds(gappy)).toBe(gappy);
  });
});
