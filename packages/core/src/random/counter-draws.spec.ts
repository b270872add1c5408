import { errorFunction, sampleCorrelation, sampleKurtosis, sampleSkewness } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { counterNormals, counterUniforms } from './counter-draws.js';
import { counterKey, counterUniform, counterWords } from './counter-words.js';
import { philox4x32 } from './philox.js';
import { streamId } from './rng.js';

const N = 1 << 16;
const SEED = 2 ** 40 + 12345;
const NOISE = { step: 17, stream: streamId('reverse-noise') };

const mean = (xs: Float32Array) => xs.reduce((sum, x) => sum + x, 0) / xs.length;
const variance = (xs: Float32Array) => {
  const m = mean(xs);
  return xs.reduce((sum, x) => sum + (x - m) ** 2, 0) / (xs.length - 1);
};

/** Kolmogorov-Smirnov statistic of `xs` against N(0, 1). */
function ksStatistic(xs: Float32Array): number {
  const sorted = Float64Array.from(xs).sort();
  let d = 0;
  for (let i = 0; i < sorted.length; i++) {
    const cdf = 0.5 * (1 + errorFunction(sorted[i] / Math.SQRT2));
    d = Math.max(d, (i + 1) / sorted.length - cdf, cdf - i / sorted.length);
  }
  return d;
}

describe('counterKey(seed), counterWords(seed, id, step, stream, call)', () => {
  it('keys Philox4x32-10 with the seed split in 32-bit words and counts (id, step, stream, call)', () => {
    expect(counterKey(2 ** 32 * 3 + 7)).toEqual([7, 3]);
    const seed = 2 ** 52 + 2 ** 33 + 99;
    const [k0, k1] = counterKey(seed);
    expect([k0, k1]).toEqual([99, 2 ** 20 + 2]);
    expect(counterWords(seed, 2 ** 32 - 1, 5, 6, 7)).toEqual(philox4x32([2 ** 32 - 1, 5, 6, 7], [99, 2 ** 20 + 2]));
  });

  it('matches the Random123 known answer (philox4x32_10) for a zero counter and key (the others are in philox.spec.ts)', () => {
    const hex = (words: Uint32Array) => Array.from(words, (w) => w.toString(16).padStart(8, '0')).join(' ');
    expect(hex(counterWords(0, 0, 0, 0, 0))).toBe('6627e8d5 e169c58d bc57ac4c 9b00dbd8');
  });

  it('names the seed and the allowed values for a bad seed', () => {
    expect(() => counterKey(-1)).toThrow('counterKey: seed must be an integer in [0, 2^53), got -1.');
    expect(() => counterKey(2 ** 53)).toThrow(/got 9007199254740992/);
    expect(() => counterKey(Number.NaN)).toThrow(/got NaN/);
  });
});

describe('counterUniform(word)', () => {
  it('takes the top 23 bits to cell midpoints in (0, 1), exact in float32', () => {
    expect(counterUniform(0)).toBe(2 ** -24);
    expect(counterUniform(0xffffffff)).toBe(1 - 2 ** -24);
    expect(counterUniform(0x80000000)).toBe(0.5 + 2 ** -24);
    for (const word of [0, 1, 511, 512, 0x7fffffff, 0xfffffe00, 0xffffffff]) {
      expect(Math.fround(counterUniform(word))).toBe(counterUniform(word));
    }
  });
});

describe('counterUniforms(out, seed, ids, width, key)', () => {
  it('gives value j of particle id from slot j mod 4 of call floor(j / 4)', () => {
    const out = counterUniforms(new Float64Array(3 * 6), SEED, new Uint32Array([5, 2 ** 31 + 9, 0xffffffff]), 6, NOISE);
    const id = 2 ** 31 + 9;
    const first = counterWords(SEED, id, NOISE.step, NOISE.stream, 0);
    const second = counterWords(SEED, id, NOISE.step, NOISE.stream, 1);
    expect(Array.from(out.subarray(6, 12))).toEqual([...first, ...second.subarray(0, 2)].map(counterUniform));
  });

  it('draws the same numbers for an id whatever the batch: a range and an array agree', () => {
    const range = counterUniforms(new Float32Array(100 * 3), SEED, { first: 2 ** 32 - 100, count: 100 }, 3, NOISE);
    const ids = Uint32Array.from({ length: 10 }, (_, i) => 2 ** 32 - 100 + 10 * i);
    const picked = counterUniforms(new Float32Array(10 * 3), SEED, ids, 3, NOISE);
    expect(Array.from(picked)).toEqual(Array.from(ids, (id) => Array.from(range.subarray((id - (2 ** 32 - 100)) * 3, (id - (2 ** 32 - 100)) * 3 + 3))).flat());
  });

  it('names the argument that does not fit', () => {
    expect(() => counterUniforms(new Float32Array(5), 1, { first: 0, count: 3 }, 2, NOISE)).toThrow('counterUniforms: out holds 5 values, needs 3 particles x 2.');
    expect(() => counterNormals(new Float32Array(5), 1, { first: 0, count: 1 }, 0, NOISE)).toThrow('counterNormals: width must be an integer >= 1, got 0.');
  });
});

describe('counterNormals(out, seed, ids, width, key)', () => {
  const z = counterNormals(new Float32Array(N), SEED, { first: 2 ** 31 - N / 2, count: N / 4 }, 4, NOISE);

  it('is Box-Muller on the uniforms of a call: (u0, u1) give z0, z1 and (u2, u3) give z2, z3', () => {
    const [u0, u1, u2, u3] = Array.from(counterWords(SEED, 2 ** 31 - N / 2, NOISE.step, NOISE.stream, 0), counterUniform);
    const r01 = Math.sqrt(-2 * Math.log(u0));
    const r23 = Math.sqrt(-2 * Math.log(u2));
    const expected = [r01 * Math.cos(2 * Math.PI * u1), r01 * Math.sin(2 * Math.PI * u1), r23 * Math.cos(2 * Math.PI * u3), r23 * Math.sin(2 * Math.PI * u3)];
    expect(Array.from(z.subarray(0, 4))).toEqual(expected.map(Math.fround));
  });

  it('has the moments of N(0, 1) within 4 standard errors (2^16 draws)', () => {
    expect(Math.abs(mean(z))).toBeLessThan(4 / Math.sqrt(N));
    expect(Math.abs(variance(z) - 1)).toBeLessThan(4 * Math.sqrt(2 / N));
    expect(Math.abs(sampleSkewness(Array.from(z)))).toBeLessThan(4 * Math.sqrt(6 / N));
    expect(Math.abs(sampleKurtosis(Array.from(z)))).toBeLessThan(4 * Math.sqrt(24 / N));
  });

  it('passes a Kolmogorov-Smirnov test against N(0, 1) at the 0.1% level (2^16 draws)', () => {
    expect(ksStatistic(z)).toBeLessThan(1.95 / Math.sqrt(N));
  });

  it('makes streams, steps and neighbouring ids uncorrelated (|r| < 4 / sqrt(n))', () => {
    const n = N / 4;
    const draw = (first: number, key: { step: number; stream: number }) => Array.from(counterNormals(new Float32Array(n), SEED, { first, count: n }, 1, key));
    const base = draw(0, NOISE);
    const limit = 4 / Math.sqrt(n);
    expect(Math.abs(sampleCorrelation(base, draw(0, { ...NOISE, stream: streamId('accept') })))).toBeLessThan(limit);
    expect(Math.abs(sampleCorrelation(base, draw(0, { ...NOISE, step: NOISE.step + 1 })))).toBeLessThan(limit);
    expect(Math.abs(sampleCorrelation(base, draw(1, NOISE)))).toBeLessThan(limit);
    // The four slots of one call, and the calls of one particle, are independent too.
    const wide = counterNormals(new Float32Array(n * 8), SEED, { first: 0, count: n }, 8, NOISE);
    const column = (j: number) => Array.from({ length: n }, (_, i) => wide[i * 8 + j]);
    for (const [a, b] of [[0, 1], [0, 2], [1, 3], [0, 4], [3, 7]]) expect(Math.abs(sampleCorrelation(column(a), column(b)))).toBeLessThan(limit);
  });
});
