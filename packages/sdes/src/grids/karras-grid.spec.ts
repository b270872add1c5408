import { sigmaOf } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { brownian } from '../brownian.js';
import { subVp } from '../sub-vp.js';
import { ve } from '../ve.js';
import { vp } from '../vp.js';
import { karrasGrid } from './karras-grid.js';
import { karrasSigmas } from './karras-sigmas.js';

/** dx = dW has sigma(t) = sqrt(t): a Karras grid on it is t_i = sigma_i^2, EDM's 80 ... 0.002 for T = 6400. */
const edm = brownian({ T: 6400 });
const edmEnd = 0.002 ** 2;

describe('karrasSigmas', () => {
  it('karrasSigmas(80, 0.002, 7, 4) matches hand-computed values of Karras et al. 2022, eq. 5', () => {
    // (80^(1/7) + (i/4) (0.002^(1/7) - 80^(1/7)))^7, 80^(1/7) = 1.870043..., 0.002^(1/7) = 0.411554...
    const expected = [80, 17.527832, 2.5152190, 0.16975276, 0.002];
    const sigmas = karrasSigmas(80, 0.002, 7, 4);
    expected.forEach((value, i) => expect(Math.abs(sigmas[i] / value - 1)).toBeLessThan(1e-7));
  });

  it('karrasSigmas with rho = 1 is linear in sigma', () => {
    const sigmas = karrasSigmas(10, 0.5, 1, 5);
    sigmas.forEach((sigma, i) => expect(sigma).toBeCloseTo(10 + (i / 5) * (0.5 - 10), 12));
  });
});

describe('karrasGrid', () => {
  it('karrasGrid().times(brownian({ T: 6400 }), 4, 4e-6) lands at t = sigma_i^2 of the rho = 7 levels, ends exact', () => {
    const times = karrasGrid().times(edm, 4, edmEnd);
    expect(times[0]).toBe(6400);
    expect(times[4]).toBe(edmEnd);
    [17.527832, 2.5152190, 0.16975276].forEach((sigma, k) => expect(Math.abs(Math.sqrt(times[k + 1]) / sigma - 1)).toBeLessThan(1e-7));
  });

  it('karrasGrid({ rho: 1 }) gives linear noise levels between sigma(tEnd) and sigma(tStart) of the SDE', () => {
    const sde = vp();
    const steps = 10;
    const times = karrasGrid({ rho: 1 }).times(sde, steps, 1e-3);
    const top = sigmaOf(sde, 1);
    const bottom = sigmaOf(sde, 1e-3);
    times.forEach((t, k) => expect(Math.abs(sigmaOf(sde, t) / (top + (k / steps) * (bottom - top)) - 1)).toBeLessThan(1e-9));
  });

  it.each([
    ['brownian()', brownian()],
    ['ve()', ve()],
    ['vp()', vp()],
    ['subVp()', subVp()],
    ['vp({ T: 3 })', vp({ T: 3 })],
  ])('karrasGrid().times(%s, steps, 1e-3) is strictly decreasing from T to tEnd', (_label, sde) => {
    for (const steps of [1, 2, 10, 200]) {
      const times = karrasGrid().times(sde, steps, 1e-3);
      expect(times.length).toBe(steps + 1);
      expect(times[0]).toBe(sde.T);
      expect(times[steps]).toBe(1e-3);
      for (let k = 0; k < steps; k++) expect(times[k + 1]).toBeLessThan(times[k]);
    }
    const inner = karrasGrid().times(sde, 5, 0.1 * sde.T, 0.5 * sde.T);
    expect(inner[0]).toBe(0.5 * sde.T);
    expect(inner[5]).toBe(0.1 * sde.T);
  });

  it('an explicit sigmaMax narrows the ramp; the grid still starts at tStart', () => {
    const times = karrasGrid({ sigmaMax: 40 }).times(edm, 4, edmEnd);
    const ramp = karrasSigmas(40, 0.002, 7, 4);
    expect(times[0]).toBe(6400);
    expect(Math.sqrt(times[1]) / ramp[1]).toBeCloseTo(1, 9);
  });

  it('tEnd = 0 needs an explicit sigmaMin (sigma(0) = 0); with one, the grid ends exactly at 0', () => {
    expect(() => karrasGrid().times(vp(), 10, 0)).toThrow(/karras grid: needs sigmaMin > 0.*set tEnd > 0/);
    const times = karrasGrid({ sigmaMin: 0.01 }).times(vp(), 10, 0);
    expect(times[10]).toBe(0);
    expect(sigmaOf(vp(), times[9])).toBeGreaterThan(0.01);
  });

  it('rejects levels outside the SDE range and bad options, naming them', () => {
    expect(() => karrasGrid({ sigmaMax: 81 }).times(edm, 4, edmEnd)).toThrow(/karras grid: sigmaMax \(81\) exceeds sigma\(tStart\) = 80/);
    expect(() => karrasGrid({ sigmaMin: 0.001 }).times(edm, 4, edmEnd)).toThrow(/karras grid: sigmaMin \(0.001\) is below sigma\(tEnd\)/);
    expect(() => karrasGrid({ rho: 0 })).toThrow(/karrasGrid: 'rho' must be a finite number > 0, got 0/);
    expect(() => karrasGrid({ sigmaMin: 2, sigmaMax: 1 })).toThrow(/karrasGrid: sigmaMin \(2\) must be less than sigmaMax \(1\)/);
    expect(() => karrasGrid().times(edm, 0, edmEnd)).toThrow(/steps must be an integer >= 1/);
  });
});
