import { sigmaOf } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { brownian } from '../brownian.js';
import { subVp } from '../sub-vp.js';
import { ve } from '../ve.js';
import { vp } from '../vp.js';
import { ddpmGrid } from './ddpm-grid.js';
import { ddpmAlphaBars } from './ddpm-schedule.js';
import { ddpmTimesteps } from './ddpm-spacing.js';

const N = 1000;

/**
 * How far the linear DDPM levels (1e-4..0.02, N = 1000) sit from the VP SDE's t = (i + 1) / N:
 * -log alpha_bar_i exceeds B((i + 1) / N) by sum beta_j^2 / 2 <= 0.07 (about 1e-5 in the sum-versus-
 * integral part), which at beta(t) >= 10 (t >= 0.5) moves t by <= 0.0035 and less below, plus
 * linspace's rounding of up to half a level. Five levels cover both; an error of a factor 2 in sigma
 * moves t by about ln(4) / beta(t) >= 0.07.
 */
const VP_TOLERANCE = 5 / N;

describe('ddpmGrid', () => {
  it("ddpmGrid({ spacing: 'trailing' }).times(vp(), 20, 0) is close to the uniform grid: linear DDPM discretises VP (Song et al. 2021, app. B)", () => {
    const times = ddpmGrid({ spacing: 'trailing' }).times(vp(), 20, 0);
    times.forEach((t, k) => expect(Math.abs(t - (1 - k / 20))).toBeLessThan(VP_TOLERANCE));
    expect(times[0]).toBe(1);
    expect(times[20]).toBe(0);
  });

  it("ddpmGrid({ spacing: 'linspace' }).times(vp(), 10, 1e-3): level i lands near t = (i + 1) / N, near uniform times", () => {
    const times = ddpmGrid({ spacing: 'linspace' }).times(vp(), 10, 1e-3);
    const levels = ddpmTimesteps('linspace', N, 10);
    for (let k = 1; k < 10; k++) {
      expect(Math.abs(times[k] - (levels[k] + 1) / N)).toBeLessThan(VP_TOLERANCE);
      expect(Math.abs(times[k] - (1 + (k / 10) * (1e-3 - 1)))).toBeLessThan(VP_TOLERANCE + 0.5 / N);
    }
  });

  it('interior times have the noise level sqrt((1 - alpha_bar) / alpha_bar) of their training level', () => {
    for (const schedule of ['linear', 'scaled-linear', 'cosine'] as const) {
      for (const spacing of ['leading', 'trailing', 'linspace'] as const) {
        const sde = vp();
        const steps = 25;
        const times = ddpmGrid({ schedule, spacing }).times(sde, steps, 1e-3);
        const alphaBars = ddpmAlphaBars({ schedule });
        const levels = ddpmTimesteps(spacing, N, steps);
        for (let k = 1; k < steps; k++) {
          const sigma = Math.sqrt((1 - alphaBars[levels[k]]) / alphaBars[levels[k]]);
          expect(Math.abs(sigmaOf(sde, times[k]) / sigma - 1)).toBeLessThan(1e-9);
        }
      }
    }
  });

  it.each([
    ['vp()', vp()],
    ['subVp()', subVp()],
    ['brownian({ T: 25600 })', brownian({ T: 25600 })],
    ['ve({ sigmaMax: 200 })', ve({ sigmaMax: 200 })],
  ])('ddpm grids on %s are strictly decreasing and hit tStart and tEnd exactly', (_label, sde) => {
    for (const schedule of ['linear', 'scaled-linear', 'cosine'] as const) {
      for (const spacing of ['leading', 'trailing', 'linspace'] as const) {
        for (const steps of [1, 2, 50]) {
          const times = ddpmGrid({ schedule, spacing }).times(sde, steps, 1e-3);
          expect(times.length).toBe(steps + 1);
          expect(times[0]).toBe(sde.T);
          expect(times[steps]).toBe(1e-3);
          for (let k = 0; k < steps; k++) expect(times[k + 1]).toBeLessThan(times[k]);
        }
      }
    }
  });

  it('tEnd only moves the last point: the grid ends at tEnd regardless of the smallest level', () => {
    const grid = ddpmGrid();
    const toZero = grid.times(vp(), 10, 0);
    const toLater = grid.times(vp(), 10, 0.05);
    expect(Array.from(toZero.subarray(0, 10))).toEqual(Array.from(toLater.subarray(0, 10)));
    expect(toZero[10]).toBe(0);
    expect(toLater[10]).toBe(0.05);
  });

  it('throws when a level lies beyond the SDE or below tEnd, or when steps exceed the spacing', () => {
    // Linear levels reach sigma = 157; ve() stops at sigmaMax = 50.
    expect(() => ddpmGrid().times(ve(), 50, 1e-3)).toThrow(/ddpm grid: level 931 \(point 1 of 50\) has noise level sigma = 81\.0\d*, not below sigma\(tStart\) = 49\.99/);
    expect(() => ddpmGrid().times(vp(), 10, 0.3)).toThrow(/ddpm grid: level 270 \(point 7 of 10\) .* not above sigma\(tEnd\).*Lower tEnd/);
    expect(() => ddpmGrid().times(vp(), 1000, 0)).toThrow(/ddpm grid: steps must be at most 999 for trainSteps = 1000 with 'leading' spacing, got 1000/);
    expect(() => ddpmGrid({ spacing: 'sideways' as 'leading' })).toThrow(/ddpmGrid: spacing must be one of/);
  });
});
