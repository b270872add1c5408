import { describe, expect, it } from 'vitest';
import { denoised } from './tweedie.js';

describe('denoised(x, score, marginal, out)', () => {
  it('gives back x_0 exactly when the data are one point (score of N(m x_0, s^2): -(x - m x_0) / s^2)', () => {
    const x0 = [0.5, -1, 0.25];
    const [m, s] = [0.6, 0.8];
    const x = Float32Array.from([1.3, -2.1, 0.7]);
    const score = x.map((xi, i) => -(xi - m * x0[i]) / (s * s));
    const out = denoised(x, score, { mean: m, std: s }, new Float32Array(3));
    x0.forEach((v, i) => expect(out[i]).toBeCloseTo(v, 5));
  });

  it('gives the posterior mean of a Gaussian prior: N(0, 1) data, E[x_0 | x_t] = m x_t / (m^2 + s^2)', () => {
    const [m, s] = [0.5, 1.2];
    const x = Float32Array.from([2, -0.4]);
    const score = x.map((xi) => -xi / (m * m + s * s));
    const out = denoised(x, score, { mean: m, std: s }, new Float32Array(2));
    expect(out[0]).toBeCloseTo((m * 2) / (m * m + s * s), 5);
    expect(out[1]).toBeCloseTo((m * -0.4) / (m * m + s * s), 5);
  });

  it('rejects m(t) = 0 and arrays of other lengths', () => {
    expect(() => denoised(new Float32Array(2), new Float32Array(2), { mean: 0, std: 1 }, new Float32Array(2))).toThrow(/m\(t\) must be > 0/);
    expect(() => denoised(new Float32Array(2), new Float32Array(3), { mean: 1, std: 1 }, new Float32Array(2))).toThrow(/of one length/);
  });
});
