import { describe, expect, it } from 'vitest';
import { mixtureLogDensity } from '@scoreflow/core';
import { eightGaussiansMixture, sample8Gaussians, sampleMoons } from './torchcfm-data.js';

describe("torchcfm's 2-D generators (torchcfm/utils.py, torchdyn's generate_moons)", () => {
  it('sampleMoons(n): evenly spaced angles on the two moons, shifted along the diagonal by U(0, 0.2), then 3x - 1', () => {
    const n = 2001;
    const x = sampleMoons(n, 7);
    const outer = Math.floor(n / 2);
    const shifts: number[] = [];
    for (let i = 0; i < n; i++) {
      // Undo 3x - 1; the point minus its diagonal shift d lies on its moon at angle linspace(0, pi).
      const [px, py] = [(x[2 * i] + 1) / 3, (x[2 * i + 1] + 1) / 3];
      const inner = i >= outer;
      const count = inner ? n - outer : outer;
      const a = (Math.PI * (inner ? i - outer : i)) / (count - 1);
      const d = px - (inner ? 1 - Math.cos(a) : Math.cos(a));
      expect(py - (inner ? 0.5 - Math.sin(a) : Math.sin(a))).toBeCloseTo(d, 5);
      shifts.push(d);
    }
    // U(0, 0.2): within [0, 0.2], mean 0.1 and variance 0.04 / 12 within 4 standard errors.
    expect(Math.min(...shifts)).toBeGreaterThanOrEqual(-1e-6);
    expect(Math.max(...shifts)).toBeLessThanOrEqual(0.2 + 1e-6);
    const mean = shifts.reduce((s, d) => s + d, 0) / n;
    const variance = shifts.reduce((s, d) => s + (d - mean) ** 2, 0) / n;
    expect(Math.abs(mean - 0.1)).toBeLessThan(4 * Math.sqrt(0.04 / 12 / n));
    expect(Math.abs(variance - 0.04 / 12)).toBeLessThan(4 * Math.sqrt((0.2 ** 4 / 80 - (0.04 / 12) ** 2) / n));
  });

  it('sample8Gaussians(n): centres at radius 5, equal weights, per-coordinate std 0.1^(1/4) (covariance sqrt(0.1) I)', () => {
    const n = 40_000;
    const x = sample8Gaussians(n, 3);
    const counts = new Array<number>(8).fill(0);
    let sumSquares = 0;
    for (let i = 0; i < n; i++) {
      const angle = Math.atan2(x[2 * i + 1], x[2 * i]);
      const k = ((Math.round(angle / (Math.PI / 4)) % 8) + 8) % 8;
      counts[k] += 1;
      const [cx, cy] = [5 * Math.cos((k * Math.PI) / 4), 5 * Math.sin((k * Math.PI) / 4)];
      sumSquares += (x[2 * i] - cx) ** 2 + (x[2 * i + 1] - cy) ** 2;
    }
    // Each component holds 1/8 of the points within 4 binomial standard errors.
    for (const count of counts) expect(Math.abs(count / n - 1 / 8)).toBeLessThan(4 * Math.sqrt((1 / 8) * (7 / 8) / n));
    // The per-coordinate variance is sqrt(0.1) = 0.316 (not 0.1): within 4 standard errors (chi-square, 2n terms).
    const variance = sumSquares / (2 * n);
    expect(Math.abs(variance - Math.sqrt(0.1))).toBeLessThan(4 * Math.sqrt(0.1) * Math.sqrt(2 / (2 * n)));
  });

  it("eightGaussiansMixture() is sample8Gaussians' law: its mean log density over a sample is the entropy log 8 + log(2 pi e sqrt(0.1)) within 4 standard errors", () => {
    const mixture = eightGaussiansMixture();
    expect(mixture.components).toBe(8);
    expect([...mixture.weights]).toEqual(new Array(8).fill(1 / 8));
    const n = 20_000;
    const logp = mixtureLogDensity(mixture, sample8Gaussians(n, 5), new Float64Array(n));
    const mean = logp.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(logp.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
    // Modes 3.8 apart with std 0.56: the overlap is negligible, so the entropy is the components' plus log 8.
    expect(Math.abs(-mean - (Math.log(8) + Math.log(2 * Math.PI * Math.E * Math.sqrt(0.1))))).toBeLessThan((4 * sd) / Math.sqrt(n));
  });
});
