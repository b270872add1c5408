import type { TimeGrid } from '@scoreflow/core';
import { checkGridArguments } from './check-grid.js';
import { type DdpmScheduleOptions, ddpmLogAlphaBars } from './ddpm-schedule.js';
import { DDPM_SPACINGS, type DdpmSpacing, ddpmTimesteps, maxDdpmSteps } from './ddpm-spacing.js';
import { timesOfLevels } from './levels-to-times.js';

/** Options of `ddpmGrid`: a discrete schedule (see `ddpmBetas`) and a spacing (see `ddpmTimesteps`). */
export interface DdpmGridOptions extends DdpmScheduleOptions {
  /** How the grid picks training levels (default 'leading', as diffusers' DDIMScheduler). */
  readonly spacing?: DdpmSpacing;
}

/**
 * The time grid of a discrete DDPM schedule, for any SDE. The S + 1 points (S = steps) are the
 * training levels tau_0 > ... > tau_S of diffusers' spacing rules (`ddpmTimesteps`) of the
 * schedule `ddpmBetas` (linear: Ho et al. 2020; scaled-linear: diffusers; cosine: Nichol and
 * Dhariwal 2021). Each level i has the noise level sigma_i = sqrt((1 - alpha_bar_i) / alpha_bar_i)
 * (alpha_bar_i = prod_{j <= i} (1 - beta_j)), and becomes the time t = timeOfSigma(sde, sigma_i)
 * at which the SDE has that noise level (sigma(t) = s(t) / m(t), core `sigmaOf`).
 *
 * Ends: t_0 = tStart and t_S = tEnd exactly, whatever their levels (tau_0 is usually level
 * N - 1; tau_S is level 0 or, for 'trailing', the data: diffusers' final step to alpha = 1). So
 * tEnd decides where the last step lands, regardless of the smallest level; tEnd = 0 is diffusers'
 * `final_sigmas_type: zero` / `set_alpha_to_one`. Likewise the grid starts at tStart even where
 * tau_0 lies below level N - 1 ('leading': S floor(N / (S + 1)), e.g. 900 for S = 10), so the first
 * step is longer; to start at tau_0 as diffusers does, set the sampler's tStart to its time.
 * The interior levels must lie strictly between sigma(tEnd) and sigma(tStart): a level beyond
 * the SDE's reach (e.g. the top linear levels, sigma up to 157, on a VE SDE with sigmaMax 50)
 * throws rather than repeating a time.
 *
 * With the VP SDE (betaMin 0.1, betaMax 20, T = 1), the linear schedule over N = 1000 levels
 * (1e-4..0.02) is the discretisation of that SDE (Song et al. 2021, appendix B: beta_i = beta(t) / N
 * at t = (i + 1) / N), so level i lands close to t = (i + 1) / N and the grid close to uniform in t.
 *
 * @example
 * ddpmGrid({ spacing: 'trailing' }).times(vp(), 20, 0); // about [1, 0.95, ..., 0.05, 0]
 */
export function ddpmGrid({ spacing = 'leading', ...schedule }: DdpmGridOptions = {}): TimeGrid {
  if (!DDPM_SPACINGS.includes(spacing)) {
    throw new RangeError(`ddpmGrid: spacing must be one of ${DDPM_SPACINGS.map((s) => `'${s}'`).join(', ')}, got '${spacing}'.`);
  }
  const logAlphaBars = ddpmLogAlphaBars(schedule);
  const trainSteps = logAlphaBars.length;
  const sigmaOfLevel = (level: number) => (level < 0 ? 0 : Math.sqrt(Math.expm1(-logAlphaBars[level])));
  return {
    name: 'ddpm',
    times(sde, steps, tEnd, tStart = sde.T) {
      checkGridArguments('ddpm', steps, tEnd, tStart);
      const max = maxDdpmSteps(spacing, trainSteps);
      if (steps > max) {
        throw new RangeError(`ddpm grid: steps must be at most ${max} for trainSteps = ${trainSteps} with '${spacing}' spacing, got ${steps}.`);
      }
      const levels = ddpmTimesteps(spacing, trainSteps, steps);
      const sigmas = Float64Array.from(levels, sigmaOfLevel);
      return timesOfLevels('ddpm', sde, sigmas, tEnd, tStart, (k) => `level ${levels[k]} (point ${k} of ${steps})`);
    },
  };
}
