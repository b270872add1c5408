import { describe, expect, it } from 'vitest';
import { bulkEss } from './bulk-ess.js';
import { effectiveSampleSize } from './effective-sample-size.js';
import { ar1Chains } from './test-support/ar1.js';

// Tolerances. The estimate tau-hat of the integrated autocorrelation time tau sums about M sample
// autocorrelations (Geyer's window, a few tau), and sd(tau-hat) / tau ~ sqrt(2 (2M + 1) / S) for S
// draws (Madras and Sokal 1988, J. Stat. Phys. 50, eq. 2.23 for a window of M lags): 3-6% for the
// sizes below. 15% is about three of those; a factor 2, or (1 + rho) / (1 - rho) in place of its
// inverse, fails.
const TOLERANCE = 0.15;

describe('bulkEss(draws, chains, iterations)', () => {
  it('is close to the number of independent N(0, 1) draws (4 chains x 1000 within 15%)', () => {
    const ess = bulkEss(ar1Chains(1, 4, 1000, 0), 4, 1000);
    expect(Math.abs(ess / 4000 - 1)).toBeLessThan(TOLERANCE);
  });

  it('averages to the number of independent draws over 20 seeds (within 5%: 20 replicates shrink sd 4.5 times)', () => {
    let sum = 0;
    for (let seed = 1; seed <= 20; seed++) sum += bulkEss(ar1Chains(seed, 4, 1000, 0), 4, 1000) / 4000;
    expect(Math.abs(sum / 20 - 1)).toBeLessThan(0.05);
  });

  it('is S (1 - rho) / (1 + rho) for AR(1) chains: rho = 0.5, 0.9 and the antithetic rho = -0.3', () => {
    for (const [rho, n] of [[0.5, 5000], [0.9, 20_000], [-0.3, 5000]]) {
      const expected = (4 * n * (1 - rho)) / (1 + rho);
      const ess = bulkEss(ar1Chains(7, 4, n, rho), 4, n);
      expect(Math.abs(ess / expected - 1), `rho = ${rho}`).toBeLessThan(TOLERANCE);
    }
  });

  it('depends on ranks only: a monotone transform and heavy tails (Cauchy draws) change nothing', () => {
    const draws = ar1Chains(3, 4, 1000, 0.5);
    expect(bulkEss(draws.map((v) => Math.exp(3 * v)), 4, 1000)).toBe(bulkEss(draws, 4, 1000));
    // Cauchy = ratio of independent normals: no mean, no variance, yet the bulk ESS is the number of draws.
    const a = ar1Chains(5, 4, 1000, 0);
    const b = ar1Chains(6, 4, 1000, 0);
    const cauchy = a.map((v, i) => v / b[i]);
    expect(Math.abs(bulkEss(cauchy, 4, 1000) / 4000 - 1)).toBeLessThan(TOLERANCE);
  });

  it('works on a single chain (split into halves) and on an odd number of iterations', () => {
    expect(Math.abs(bulkEss(ar1Chains(2, 1, 4001, 0), 1, 4001) / 4000 - 1)).toBeLessThan(TOLERANCE);
  });

  it('is NaN when every draw is equal or a draw is NaN', () => {
    expect(bulkEss(new Float64Array(40).fill(2), 4, 10)).toBeNaN();
    const draws = ar1Chains(1, 2, 10, 0);
    draws[3] = Number.NaN;
    expect(bulkEss(draws, 2, 10)).toBeNaN();
  });

  it('rejects shapes that do not fit, naming the argument', () => {
    expect(() => bulkEss(new Float64Array(12), 4, 3)).toThrow(/bulkEss: 'iterations' must be an integer >= 4 \(two draws in each of 2 segments per chain\), got 3/);
    expect(() => bulkEss(new Float64Array(12), 0, 12)).toThrow(/bulkEss: 'chains' must be an integer >= 1, got 0/);
    expect(() => bulkEss(new Float64Array(10), 2, 4)).toThrow(/bulkEss: 'draws' holds 10 values, expected chains x iterations = 2 x 4 = 8/);
  });
});

describe('effectiveSampleSize(draws, chains, n)', () => {
  it('without ranks or splitting is also S (1 - rho) / (1 + rho) for AR(1) chains', () => {
    const ess = effectiveSampleSize(ar1Chains(9, 4, 5000, 0.5), 4, 5000);
    expect(Math.abs(ess / (20_000 / 3) - 1)).toBeLessThan(TOLERANCE);
  });

  it('counts chains stuck at different constants as about M / 2 draws (every autocorrelation is 1)', () => {
    const draws = new Float64Array(400);
    for (let c = 0; c < 4; c++) draws.fill(c, c * 100, (c + 1) * 100);
    // rho_t = 1 for t < n - 2: tau = 2 (n - 2) + 1 - ... ~ 2n, so ESS ~ M n / (2 n) = M / 2.
    expect(effectiveSampleSize(draws, 4, 100)).toBeGreaterThan(1.9);
    expect(effectiveSampleSize(draws, 4, 100)).toBeLessThan(2.1);
  });

  it('caps strongly antithetic chains at S log10(S)', () => {
    const alternating = Float64Array.from({ length: 400 }, (_, i) => (i % 2 === 0 ? 1 : -1));
    expect(effectiveSampleSize(alternating, 4, 100)).toBeCloseTo(400 * Math.log10(400), 6);
  });
});
