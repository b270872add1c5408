import { describe, expect, it } from 'vitest';
import { potentialScaleReduction } from './potential-scale-reduction.js';
import { splitRhat, splitRhatClassic } from './split-rhat.js';
import { ar1Chains } from './test-support/ar1.js';

describe('splitRhatClassic(draws, chains, iterations)', () => {
  it('is sqrt(((n - 1) / n W + B / n) / W) of the split chains (a worked example)', () => {
    // Chains (1, 2, 3, 4) and (2, 4, 6, 8) split into (1, 2), (3, 4), (2, 4), (6, 8): n = 2,
    // means 1.5, 3.5, 3, 7, variances 0.5, 0.5, 2, 2, so W = 1.25 and B = 2 var(means) = 2 * 65 / 12.
    // R-hat^2 = (B / W + n - 1) / n = (26 / 3 + 1) / 2 = 29 / 6.
    expect(splitRhatClassic([1, 2, 3, 4, 2, 4, 6, 8], 2, 4)).toBeCloseTo(Math.sqrt(29 / 6), 14);
    expect(potentialScaleReduction([1, 2, 3, 4, 2, 4, 6, 8], 4, 2)).toBeCloseTo(Math.sqrt(29 / 6), 14);
  });

  it('is Infinity for constant chains at different values and NaN when all draws are equal', () => {
    expect(splitRhatClassic([0, 0, 0, 0, 1, 1, 1, 1], 2, 4)).toBe(Infinity);
    expect(splitRhatClassic(new Float64Array(8).fill(3), 2, 4)).toBeNaN();
  });
});

describe('splitRhat(draws, chains, iterations) (rank-normalised, Vehtari et al. 2021)', () => {
  it('is below 1.01 for chains of one distribution: independent draws and AR(1) chains', () => {
    // With M split chains of n draws, R-hat^2 - 1 ~ (F - 1) / n for an F(M - 1, M (n - 1)) variate
    // times tau: below 3 / 500 (F < 3 with probability > 0.99) even for tau = 3.
    for (const seed of [1, 2, 3]) {
      expect(splitRhat(ar1Chains(seed, 4, 1000, 0), 4, 1000)).toBeLessThan(1.01);
      expect(splitRhatClassic(ar1Chains(seed, 4, 1000, 0), 4, 1000)).toBeLessThan(1.01);
      expect(splitRhat(ar1Chains(seed, 4, 2000, 0.5), 4, 2000)).toBeLessThan(1.01);
    }
    expect(splitRhat(ar1Chains(4, 4, 1000, 0), 4, 1000)).toBeGreaterThanOrEqual(0.99);
  });

  it('is above 1.1 for chains stuck in different modes (means 6 sd apart, or one chain of four away)', () => {
    expect(splitRhat(ar1Chains(1, 4, 1000, 0, [-3, -3, 3, 3]), 4, 1000)).toBeGreaterThan(1.1);
    expect(splitRhat(ar1Chains(2, 4, 1000, 0.5, [0, 0, 0, 4]), 4, 1000)).toBeGreaterThan(1.1);
    // Rank normalisation bounds it: two modes of equal size give about 1.7, the classic value 3.4.
    expect(splitRhatClassic(ar1Chains(1, 4, 1000, 0, [-3, -3, 3, 3]), 4, 1000)).toBeGreaterThan(splitRhat(ar1Chains(1, 4, 1000, 0, [-3, -3, 3, 3]), 4, 1000));
  });

  it('sees a chain of another scale through the folded part, where the classic split R-hat does not', () => {
    const draws = ar1Chains(3, 4, 1000, 0, [], [1, 1, 1, 3]);
    expect(splitRhat(draws, 4, 1000)).toBeGreaterThan(1.1);
    expect(splitRhatClassic(draws, 4, 1000)).toBeLessThan(1.01);
  });

  it('sees chains that drift, which the unsplit R-hat misses (the reason to split)', () => {
    const draws = ar1Chains(1, 4, 1000, 0).map((v, k) => v + (4 * (k % 1000)) / 1000 - 2);
    expect(splitRhat(draws, 4, 1000)).toBeGreaterThan(1.1);
    expect(potentialScaleReduction(draws, 4, 1000)).toBeLessThan(1.01);
    // A single chain that drifts: its halves disagree.
    expect(splitRhat(draws.subarray(0, 1000), 1, 1000)).toBeGreaterThan(1.1);
  });

  it('cuts one chain into 4 segments: sees a chain stuck in one mode that drifts away and back, which halves miss', () => {
    // One chain in the right mode N(4, 0.5^2) of a two-mode target (modes at -4 and 4), AR(1) with
    // rho = 0.5, its centre drifting slowly by -0.25 cos(2 pi i / N): the first half holds the same
    // centres as the second (mirrored), so halves agree; quarters have mean centres -+0.16 apart.
    const n = 4000;
    const draws = ar1Chains(11, 1, n, 0.5).map((v, i) => 4 + 0.5 * v - 0.25 * Math.cos((2 * Math.PI * i) / n));
    // Quarter means differ by 0.64 a = 0.16 against a within-quarter sd of about 0.5: R-hat^2 - 1
    // is about var(quarter means) / var(draws) = 0.16^2 / 0.25, R-hat about 1.05. Noise alone
    // (tau = 3, n = 1000 per quarter) gives R-hat - 1 of a few 1e-3 (the test above).
    expect(splitRhat(draws, 1, n, 2)).toBeLessThan(1.01);
    expect(splitRhat(draws, 1, n)).toBeGreaterThan(1.03);
    expect(splitRhat(draws, 1, n)).toBe(splitRhat(draws, 1, n, 4));
    // A stationary single chain stays below 1.01 with 4 segments.
    expect(splitRhat(ar1Chains(12, 1, n, 0.5), 1, n)).toBeLessThan(1.01);
  });

  it('depends on ranks only', () => {
    const draws = ar1Chains(8, 3, 500, 0.3, [0, 0.2, -0.1]);
    expect(splitRhat(draws.map((v) => Math.exp(v)), 3, 500)).toBe(splitRhat(draws, 3, 500));
  });

  it('is NaN for equal draws or a NaN draw, Infinity for constant chains at different values', () => {
    expect(splitRhat(new Float64Array(8).fill(1), 2, 4)).toBeNaN();
    expect(splitRhat([0, 0, 0, 0, 1, 1, 1, 1], 2, 4)).toBe(Infinity);
    expect(splitRhat([0, 0, 0, 0, 1, 1, 1, Number.NaN], 2, 4)).toBeNaN();
  });

  it('rejects shapes that do not fit, naming the function and the argument', () => {
    expect(() => splitRhat(new Float64Array(6), 2, 3)).toThrow(/splitRhat: 'iterations' must be an integer >= 4/);
    expect(() => splitRhat(new Float64Array(6), 1, 6)).toThrow(/splitRhat: 'iterations' must be an integer >= 8 \(two draws in each of 4 segments per chain\), got 6/);
    expect(() => splitRhat(new Float64Array(8), 2, 4, 1)).toThrow(/splitRhat: 'splits' must be an integer >= 2, got 1/);
    expect(() => splitRhatClassic(new Float64Array(6), 1.5, 4)).toThrow(/splitRhatClassic: 'chains' must be an integer >= 1, got 1.5/);
  });
});
