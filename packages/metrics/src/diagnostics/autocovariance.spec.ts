import { createRng } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { autocovariance } from './autocovariance.js';
import { fft } from './fft.js';

describe('fft(re, im, inverse)', () => {
  it('is the DFT X_k = sum_j x_j exp(-2 pi i j k / m), and the inverse undoes it', () => {
    const m = 16;
    const x = createRng(2).normal(new Float64Array(2 * m), { first: 0, count: 2 }, m, { step: 0 });
    const re = x.slice(0, m);
    const im = x.slice(m);
    fft(re, im);
    for (let k = 0; k < m; k++) {
      let sr = 0;
      let si = 0;
      for (let j = 0; j < m; j++) {
        const angle = (-2 * Math.PI * j * k) / m;
        sr += x[j] * Math.cos(angle) - x[m + j] * Math.sin(angle);
        si += x[j] * Math.sin(angle) + x[m + j] * Math.cos(angle);
      }
      expect(re[k]).toBeCloseTo(sr, 12);
      expect(im[k]).toBeCloseTo(si, 12);
    }
    fft(re, im, true);
    for (let j = 0; j < m; j++) {
      expect(re[j]).toBeCloseTo(x[j], 14);
      expect(im[j]).toBeCloseTo(x[m + j], 14);
    }
  });

  it('rejects a length that is not a power of two', () => {
    expect(() => fft(new Float64Array(12), new Float64Array(12))).toThrow(/fft: expected two arrays of one power-of-two length, got 12/);
  });
});

describe('autocovariance(x, offset, n)', () => {
  it('equals the direct sums (1/n) sum_i (x_i - xbar)(x_{i+t} - xbar) at every lag', () => {
    for (const n of [5, 64, 1000]) {
      const x = createRng(n).normal(new Float64Array(n + 3), { first: 0, count: 1 }, n + 3, { step: 0 });
      const fast = autocovariance(x, 3, n);
      let mean = 0;
      for (let i = 0; i < n; i++) mean += x[3 + i] / n;
      for (let t = 0; t < n; t++) {
        let direct = 0;
        for (let i = 0; i + t < n; i++) direct += (x[3 + i] - mean) * (x[3 + i + t] - mean);
        expect(fast[t]).toBeCloseTo(direct / n, 12);
      }
    }
  });

  it('of a constant is 0, and of (1, -1, 1, -1) alternates', () => {
    expect(Array.from(autocovariance([2, 2, 2], 0, 3), (v) => Math.round(v * 1e12) / 1e12 + 0)).toEqual([0, 0, 0]);
    const acov = autocovariance([1, -1, 1, -1], 0, 4);
    [1, -0.75, 0.5, -0.25].forEach((v, t) => expect(acov[t]).toBeCloseTo(v, 14));
  });
});
