import { describe, expect, it } from 'vitest';
import { subVp } from './sub-vp.js';
import { vp } from './vp.js';

describe('subVp', () => {
  it('subVp() is score_sde subVPSDE: m = exp(c), s = 1 - exp(2c), c = -t^2 (betaMax - betaMin) / 4 - t betaMin / 2', () => {
    const sde = subVp();
    expect(sde.name).toBe('sub-vp');
    expect(sde.T).toBe(1);
    expect(sde.priorStd).toBe(1);
    for (const t of [0, 0.1, 0.5, 1]) {
      const c = -0.25 * t * t * (20 - 0.1) - 0.5 * t * 0.1;
      const { mean, std } = sde.marginal(t);
      expect(mean).toBeCloseTo(Math.exp(c), 14);
      expect(std).toBeCloseTo(1 - Math.exp(2 * c), 14);
    }
  });

  it('subVp() has the VP drift -beta(t) x / 2 and g(t)^2 = beta(t) (1 - exp(-2 betaMin t - (betaMax - betaMin) t^2))', () => {
    const sde = subVp();
    const out = new Float32Array(2);
    for (const t of [0, 0.3, 1]) {
      const beta = 0.1 + 19.9 * t;
      sde.drift(new Float32Array([1, -2]), t, out);
      expect(out[0]).toBeCloseTo(-beta / 2, 5);
      expect(out[1]).toBeCloseTo(beta, 5);
      expect(sde.driftCoefficient(t)).toBeCloseTo(-beta / 2, 14);
      expect(sde.diffusion(t) ** 2).toBeCloseTo(beta * (1 - Math.exp(-2 * 0.1 * t - 19.9 * t * t)), 12);
    }
    expect(sde.diffusion(0)).toBe(0);
  });

  it('subVp marginal std is the VP variance, so the sub-VP variance lies below the VP variance for t > 0', () => {
    const sub = subVp({ betaMin: 0.5, betaMax: 5, T: 2 });
    const full = vp({ betaMin: 0.5, betaMax: 5, T: 2 });
    for (const t of [0.01, 0.5, 1, 2]) {
      expect(sub.marginal(t).mean).toBe(full.marginal(t).mean);
      expect(sub.marginal(t).std).toBeCloseTo(full.marginal(t).std ** 2, 14);
      expect(sub.marginal(t).std ** 2).toBeLessThan(full.marginal(t).std ** 2);
    }
  });

  it('subVp marginal std grows like betaMin t at small t (no cancellation) and reaches about 1 at T', () => {
    expect(subVp().marginal(1e-10).std / (0.1 * 1e-10)).toBeCloseTo(1, 6);
    expect(1 - subVp().marginal(1).std).toBeCloseTo(Math.exp(-10.05), 14);
  });

  it('subVp shares beta(t) and B(t) with vp and rejects bad options naming subVp', () => {
    const sde = subVp({ betaMin: 1, betaMax: 9, T: 4 });
    expect(sde.beta(2)).toBe(5);
    expect(sde.integratedBeta(4)).toBeCloseTo(20, 12);
    expect(() => subVp({ betaMin: 3, betaMax: 2 })).toThrow(/subVp: betaMin \(3\) must not exceed betaMax \(2\)/);
    expect(() => subVp({ betaMin: -1 })).toThrow(/subVp: 'betaMin' must be a finite number >= 0/);
    expect(() => subVp({ T: 0 })).toThrow(/subVp: 'T' must be/);
  });
});
