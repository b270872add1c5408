import { describe, expect, it } from 'vitest';
import { ve } from './ve.js';

describe('ve', () => {
  it('ve().sigma runs geometrically from sigmaMin to sigmaMax', () => {
    const sde = ve();
    expect(sde.sigma(0)).toBeCloseTo(0.01, 14);
    expect(sde.sigma(1)).toBeCloseTo(50, 10);
    expect(sde.sigma(0.5)).toBeCloseTo(Math.sqrt(0.01 * 50), 12);
    expect(sde.priorStd).toBe(50);
  });

  it('ve({ T }) has g(t)^2 = d sigma(t)^2 / dt = sigma(t)^2 2 ln(sigmaMax / sigmaMin) / T', () => {
    const sde = ve({ sigmaMin: 0.1, sigmaMax: 10, T: 2 });
    const h = 1e-5;
    for (const t of [0.1, 1, 1.9]) {
      const derivative = (sde.sigma(t + h) ** 2 - sde.sigma(t - h) ** 2) / (2 * h);
      expect(sde.diffusion(t) ** 2).toBeCloseTo(derivative, 6);
      expect(sde.diffusion(t) ** 2).toBeCloseTo((sde.sigma(t) ** 2 * 2 * Math.log(100)) / 2, 10);
    }
    expect(sde.sigma(2)).toBeCloseTo(10, 12);
  });

  it('ve marginal is the exact transition from t = 0: m = 1, s^2 = sigma(t)^2 - sigmaMin^2 (not score_sde sigma(t))', () => {
    const sde = ve({ sigmaMin: 0.5, sigmaMax: 8 });
    for (const t of [0, 0.01, 0.5, 1]) {
      const { mean, std } = sde.marginal(t);
      expect(mean).toBe(1);
      expect(std ** 2).toBeCloseTo(sde.sigma(t) ** 2 - 0.25, 12);
    }
    // Small t: s^2 ~ 2 sigmaMin^2 ln(sigmaMax / sigmaMin) t, computed without cancellation.
    const t = 1e-9;
    expect(ve().marginal(t).std ** 2 / (2 * 1e-4 * Math.log(5000) * t)).toBeCloseTo(1, 6);
  });

  it('ve has zero drift', () => {
    const out = new Float32Array([1, 1, 1]);
    ve().drift(new Float32Array([1, 2, -3]), 0.7, out);
    expect(Array.from(out)).toEqual([0, 0, 0]);
  });

  it('ve rejects sigmaMin >= sigmaMax and non-positive values, naming them', () => {
    expect(() => ve({ sigmaMin: 2, sigmaMax: 2 })).toThrow(/ve: sigmaMin \(2\) must be less than sigmaMax \(2\)/);
    expect(() => ve({ sigmaMin: 0 })).toThrow(/ve: 'sigmaMin' must be a finite number > 0/);
    expect(() => ve({ T: 0 })).toThrow(/ve: 'T' must be/);
  });
});
