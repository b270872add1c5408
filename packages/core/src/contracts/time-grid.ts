import type { Sde } from './sde.js';

/**
 * Where a fixed-step sampler evaluates: a schedule of times kept apart from the samplers, as
 * k-diffusion keeps `get_sigmas_*` apart from `sample_*`. `times` returns `steps + 1` times from
 * `tStart` (default `sde.T`) down to `tEnd`, strictly decreasing. Grids defined in noise level
 * (Karras et al. 2022) or by a discrete schedule (DDPM) map to times through the SDE
 * (`timeOfSigma`), so any grid works with any SDE.
 */
export interface TimeGrid {
  readonly name: string;
  times(sde: Sde, steps: number, tEnd: number, tStart?: number): Float64Array;
}
