import { DimensionError } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { gaussianSample } from '../test-support/gaussian-sample.js';
import { gaussianMmd2, meanKernel, projectionVariance } from '../test-support/rbf-moments.js';
import { mmd2 } from './mmd2.js';

/**
 * Under the null the unbiased MMD^2 is a degenerate U-statistic with kernel values in [-2, 2]:
 * Var <= 2 * 4 / (n (n - 1)) (Gretton et al. 2012, section 5), plus at most 2 / n^1.5 for the
 * cross pairs i = j that eq. 3 keeps.
 */
const nullSd = (n: number) => Math.sqrt(8 / (n * (n - 1))) + 2 / n ** 1.5;

describe('mmd2(x, y, dim, options)', () => {
  it('is unbiased for two samples of one distribution: replicate means are 0 within a few standard errors', () => {
    const n = 40;
    const replicates = 400;
    let sum = 0;
    for (let r = 0; r < replicates; r++) {
      const x = gaussianSample(1000 + r, n, [0, 0], 1);
      const y = gaussianSample(5000 + r, n, [0, 0], 1);
      sum += mmd2(x, y, 2, { bandwidth: 1 }).mmd2;
    }
    const tolerance = (4 * nullSd(n)) / Math.sqrt(replicates);
    // The biased (V-statistic) estimate would be off by 2 (1 - E k(X, X')) / n.
    const vStatisticBias = (2 * (1 - meanKernel(1, [0, 0], 1, [0, 0], 1))) / n;
    expect(tolerance).toBeLessThan(vStatisticBias / 2);
    expect(Math.abs(sum / replicates)).toBeLessThan(tolerance);
  });

  it('is near 0 for two large samples of one distribution, with the median bandwidth', () => {
    const n = 2000;
    const result = mmd2(gaussianSample(1, n, [0, 0], 1), gaussianSample(2, n, [0, 0], 1), 2);
    expect(Math.abs(result.mmd2)).toBeLessThan(4 * nullSd(n));
  });

  it('matches the Gaussian closed form for shifted and rescaled samples, h fixed', () => {
    const n = 2000;
    const [a, s, b, r, h] = [[0, 0], 1, [1, 0.5], 0.8, 1];
    const x = gaussianSample(3, n, a, s);
    const y = gaussianSample(4, n, b, r);
    const expected = gaussianMmd2(h * h, a, s * s, b, r * r);
    // First-order (Hoeffding) variance: 4 Var A(X) / n + 4 Var B(Y) / m, plus a null-like second-order term.
    const se = Math.sqrt((4 * projectionVariance(h * h, a, s * s, b, r * r)) / n + (4 * projectionVariance(h * h, b, r * r, a, s * s)) / n) + nullSd(n);
    expect(4 * se).toBeLessThan(expected / 4);
    const result = mmd2(x, y, 2, { bandwidth: h });
    expect(result.bandwidth).toBe(h);
    expect(Math.abs(result.mmd2 - expected)).toBeLessThan(4 * se);
  });

  it('uses the median pairwise distance of the reference as the bandwidth, whatever the sample', () => {
    // For points of N(0, I_2), |Z - Z'|^2 ~ 2 chi^2_2 = Exp(mean 4): median distance sqrt(4 ln 2).
    const n = 2000;
    const y = gaussianSample(6, n, [0, 0], 1);
    const median = Math.sqrt(4 * Math.LN2);
    // U-quantile: sd of the estimated CDF <= 1 / sqrt(N) for N reference points; divide by the density of |Z - Z'| at the median.
    const density = (median / 2) * Math.exp(-(median * median) / 4);
    const tolerance = 4 / Math.sqrt(n) / density;
    expect(tolerance).toBeLessThan(median * (1 - Math.SQRT1_2));
    const same = mmd2(gaussianSample(5, n, [0, 0], 1), y, 2);
    expect(Math.abs(same.bandwidth - median)).toBeLessThan(tolerance);
    // A sample 10 times wider and far away gets the same kernel: the bandwidth is the reference's
    // (pooled with such a sample the median distance would be about 10 times larger).
    expect(mmd2(gaussianSample(7, n, [30, 0], 10), y, 2).bandwidth).toBe(same.bandwidth);
  });

  it('takes the median over all reference pairs, averaging the middle two of an even count', () => {
    const x = gaussianSample(7, 7, [0, 0], 1);
    const y = gaussianSample(8, 5, [1, 1], 1);
    const rows = Array.from({ length: 5 }, (_, i) => y.subarray(2 * i, 2 * i + 2));
    const distances: number[] = [];
    for (let i = 0; i < 5; i++) for (let j = 0; j < i; j++) distances.push(Math.hypot(rows[i][0] - rows[j][0], rows[i][1] - rows[j][1]));
    distances.sort((p, q) => p - q); // 10 pairs
    expect(mmd2(x, y, 2).bandwidth).toBeCloseTo((distances[4] + distances[5]) / 2, 5);
  });

  it('reports the rows of each sample it used: all, or maxSamples (2000 by default) evenly strided', () => {
    const x = gaussianSample(11, 2500, [0, 0], 1);
    const y = gaussianSample(12, 300, [0, 0], 1);
    expect(mmd2(x, y, 2, { bandwidth: 1 })).toMatchObject({ rows: 2000, referenceRows: 300 });
    expect(mmd2(x, y, 2, { bandwidth: 1, maxSamples: 100 })).toMatchObject({ rows: 100, referenceRows: 100 });
  });

  it('subsamples evenly strided rows beyond maxSamples, deterministically', () => {
    const x = gaussianSample(9, 300, [0], 1);
    const y = gaussianSample(10, 200, [0.5], 1);
    const strided = x.filter((_, i) => i % 3 === 0); // rows floor(k * 300 / 100)
    const expected = mmd2(strided, y.filter((_, i) => i % 2 === 0), 1, { bandwidth: 1 });
    expect(mmd2(x, y, 1, { bandwidth: 1, maxSamples: 100 })).toEqual(expected);
  });

  it('falls back to a positive bandwidth for coinciding points and gives 0', () => {
    const x = new Float32Array(10).fill(2);
    expect(mmd2(x, x, 2)).toEqual({ mmd2: 0, bandwidth: 1, rows: 5, referenceRows: 5 });
  });

  it('rejects bad input with the function and argument named', () => {
    const x = new Float32Array(8);
    expect(() => mmd2(x, new Float32Array(7), 2)).toThrow(DimensionError);
    expect(() => mmd2(x, x, 2, { bandwidth: 0 })).toThrow(/mmd2: 'bandwidth' must be a finite number > 0 or 'median', got 0/);
    expect(() => mmd2(x, x, 2, { maxSamples: 1 })).toThrow(/'maxSamples' must be an integer >= 2/);
    expect(() => mmd2(x, new Float32Array(2), 2)).toThrow(/'y' needs at least 2 rows, got 1/);
  });
});
