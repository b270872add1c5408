import { positiveArgument, sigmaOf, type TimeGrid } from '@scoreflow/core';
import { checkGridArguments } from './check-grid.js';
import { karrasSigmas } from './karras-sigmas.js';
import { timesOfLevels } from './levels-to-times.js';

/** Options of `karrasGrid`. */
export interface KarrasGridOptions {
  /** Warping exponent rho > 0 (default 7, Karras et al. 2022); 1 gives equal steps in sigma. */
  readonly rho?: number;
  /** Smallest noise level; default sigma(tEnd) of the SDE. At least sigma(tEnd). */
  readonly sigmaMin?: number;
  /** Largest noise level; default sigma(tStart) of the SDE. At most sigma(tStart). */
  readonly sigmaMax?: number;
}

/** Relative slack when an explicit sigmaMin / sigmaMax equals an end level computed elsewhere. */
const SLACK = 1e-12;

/**
 * The time grid of Karras et al. 2022 (eq. 5; k-diffusion `get_sigmas_karras`): noise levels
 * sigma_i = (sigmaMax^(1/rho) + (i/N)(sigmaMin^(1/rho) - sigmaMax^(1/rho)))^rho for i = 0..N
 * (`karrasSigmas`, N = steps), turned into times of the SDE by t_i = timeOfSigma(sde, sigma_i),
 * where sigma(t) = s(t) / m(t) (core `sigmaOf`). The ends are exact: t_0 = tStart, t_N = tEnd.
 *
 * sigmaMax defaults to sigma(tStart) and sigmaMin to sigma(tEnd), so the ramp spans the sampler's
 * interval. An explicit sigmaMax below sigma(tStart) (or sigmaMin above sigma(tEnd)) narrows the
 * ramp while the grid still starts at tStart (ends at tEnd), so the first (last) step bridges the
 * gap; to start sampling at a lower noise level, set the sampler's tStart to timeOfSigma(sde, level).
 * Levels outside [sigma(tEnd), sigma(tStart)] throw. The ramp needs sigmaMin > 0: sigma(0) = 0 for
 * every SDE here, so with tEnd = 0 give sigmaMin, or use tEnd > 0 (e.g. 1e-3).
 *
 * @example
 * // dx = dW has sigma(t) = sqrt(t): EDM's levels 80 ... 0.002 (Karras et al. 2022, table 1), at t = sigma^2.
 * karrasGrid({ rho: 7 }).times(brownian({ T: 6400 }), 18, 4e-6);
 */
export function karrasGrid({ rho = 7, sigmaMin, sigmaMax }: KarrasGridOptions = {}): TimeGrid {
  positiveArgument('karrasGrid', 'rho', rho);
  if (sigmaMin !== undefined) positiveArgument('karrasGrid', 'sigmaMin', sigmaMin);
  if (sigmaMax !== undefined) positiveArgument('karrasGrid', 'sigmaMax', sigmaMax);
  if (sigmaMin !== undefined && sigmaMax !== undefined && !(sigmaMin < sigmaMax)) {
    throw new RangeError(`karrasGrid: sigmaMin (${sigmaMin}) must be less than sigmaMax (${sigmaMax}).`);
  }
  return {
    name: 'karras',
    times(sde, steps, tEnd, tStart = sde.T) {
      checkGridArguments('karras', steps, tEnd, tStart);
      const top = sigmaOf(sde, tStart);
      const bottom = sigmaOf(sde, tEnd);
      if (sigmaMax !== undefined && sigmaMax > top * (1 + SLACK)) {
        throw new RangeError(`karras grid: sigmaMax (${sigmaMax}) exceeds sigma(tStart) = ${top} of ${sde.name} at tStart = ${tStart}; lower sigmaMax or leave it unset.`);
      }
      if (sigmaMin !== undefined && sigmaMin < bottom * (1 - SLACK)) {
        throw new RangeError(`karras grid: sigmaMin (${sigmaMin}) is below sigma(tEnd) = ${bottom} of ${sde.name} at tEnd = ${tEnd}; raise sigmaMin or leave it unset.`);
      }
      const high = sigmaMax ?? top;
      const low = sigmaMin ?? bottom;
      if (!(low > 0)) {
        throw new RangeError(`karras grid: needs sigmaMin > 0, but sigma(tEnd) = ${low} of ${sde.name} at tEnd = ${tEnd}; set tEnd > 0 (e.g. 1e-3) or sigmaMin.`);
      }
      if (!(low < high)) {
        throw new RangeError(`karras grid: sigmaMin (${low}) must be less than sigmaMax (${high}) for ${sde.name} on [${tEnd}, ${tStart}].`);
      }
      return timesOfLevels('karras', sde, karrasSigmas(high, low, rho, steps), tEnd, tStart, (k) => `sigma_${k}`);
    },
  };
}
