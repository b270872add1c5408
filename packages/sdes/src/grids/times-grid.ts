import type { TimeGrid } from '@scoreflow/core';

/** Options of `timesGrid`. */
export interface TimesGridOptions {
  /** The times, strictly decreasing, all >= 0, at least two. */
  readonly values: readonly number[];
}

/**
 * A user-given list of times t_0 > t_1 > ... > t_S >= 0, as score_sde or diffusers accept custom
 * timesteps (diffusers `set_timesteps(timesteps=...)`). The list fixes the grid, so the sampler's
 * arguments are checked against it rather than used: `steps` must be values.length - 1, `tEnd` must
 * equal the last value, `tStart` (when given) must equal the first value, and the first value
 * must not exceed the SDE's T. Without tStart the grid starts at values[0].
 *
 * @example
 * timesGrid({ values: [1, 0.5, 0.1, 0.01] }).times(vp(), 3, 0.01); // Float64Array [1, 0.5, 0.1, 0.01]
 */
export function timesGrid({ values }: TimesGridOptions): TimeGrid {
  if (!Array.isArray(values) || values.length < 2) {
    throw new RangeError(`timesGrid: values must be an array of at least 2 times, got ${Array.isArray(values) ? values.length : typeof values}.`);
  }
  values.forEach((value, k) => {
    if (!(Number.isFinite(value) && value >= 0)) throw new RangeError(`timesGrid: values[${k}] must be a finite number >= 0, got ${value}.`);
    if (k > 0 && !(value < values[k - 1])) {
      throw new RangeError(`timesGrid: values must be strictly decreasing, but values[${k}] (${value}) is not below values[${k - 1}] (${values[k - 1]}).`);
    }
  });
  const times = Float64Array.from(values);
  const last = times.length - 1;
  return {
    name: 'times',
    times(sde, steps, tEnd, tStart) {
      if (steps !== last) {
        throw new RangeError(`times grid: values holds ${times.length} times, which is steps + 1 for steps = ${last}; the sampler asks for steps = ${steps} (expected ${steps + 1} values).`);
      }
      if (times[0] > sde.T) throw new RangeError(`times grid: values[0] (${times[0]}) exceeds the end time T = ${sde.T} of ${sde.name}.`);
      if (tStart !== undefined && tStart !== times[0]) {
        throw new RangeError(`times grid: values starts at ${times[0]} but tStart is ${tStart}; make them equal or leave tStart unset.`);
      }
      if (tEnd !== times[last]) throw new RangeError(`times grid: values ends at ${times[last]} but tEnd is ${tEnd}; set tEnd to ${times[last]}.`);
      return times.slice();
    },
  };
}
