import { describe, expect, it } from 'vitest';
import { vp } from './vp.js';

describe('vp', () => {
  it('vp({ T }).beta runs linearly from betaMin at t = 0 to betaMax at t = T', () => {
    const sde = vp({ betaMin: 1, betaMax: 9, T: 4 });
    expect(sde.beta(0)).toBe(1);
    expect(sde.beta(2)).toBe(5);
    expect(sde.beta(4)).toBe(9);
    expect(sde.integratedBeta(4)).toBeCloseTo((4 * (1 + 9)) / 2, 12);
    expect(sde.diffusion(2)).toBeCloseTo(Math.sqrt(5), 12);
  });

  it('vp drift of x = 1 at t is -beta(t) / 2 (pulls towards 0)', () => {
    const sde = vp();
    const out = new Float32Array(2);
    for (const t of [0, 0.25, 1]) {
      sde.drift(new Float32Array([1, -2]), t, out);
      expect(out[0]).toBeCloseTo(-sde.beta(t) / 2, 5);
      expect(out[1]).toBeCloseTo(sde.beta(t), 5);
      expect(out[0]).toBeLessThan(0);
    }
  });

  it('vp() marginal is score_sde VPSDE: log m = -t^2 (betaMax - betaMin) / 4 - t betaMin / 2, s = sqrt(1 - m^2)', () => {
    const sde = vp();
    for (const t of [0, 0.1, 0.5, 1]) {
      const logMean = -0.25 * t * t * (20 - 0.1) - 0.5 * t * 0.1;
      const { mean, std } = sde.marginal(t);
      expect(mean).toBeCloseTo(Math.exp(logMean), 14);
      expect(std).toBeCloseTo(Math.sqrt(1 - Math.exp(2 * logMean)), 14);
    }
    expect(sde.priorStd).toBe(1);
    // Small t: s^2 ~ betaMin t, computed without cancellation.
    expect(sde.marginal(1e-10).std ** 2 / (0.1 * 1e-10)).toBeCloseTo(1, 6);
  });

  it('vp allows betaMin = betaMax = constant rate and rejects betaMin > betaMax', () => {
    expect(vp({ betaMin: 2, betaMax: 2 }).marginal(1).mean).toBeCloseTo(Math.exp(-1), 14);
    expect(() => vp({ betaMin: 3, betaMax: 2 })).toThrow(/vp: betaMin \(3\) must not exceed betaMax \(2\)/);
    expect(() => vp({ betaMin: -1 })).toThrow(/vp: 'betaMin' must be a finite number >= 0/);
    expect(() => vp({ betaMax: 0 })).toThrow(/vp: 'betaMax' must be a finite number > 0/);
  });
});
