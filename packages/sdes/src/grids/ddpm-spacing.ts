/** The timestep spacings of diffusers' schedulers (`timestep_spacing`). */
export type DdpmSpacing = 'leading' | 'trailing' | 'linspace';

/** The spacings, for messages and option schemas. */
export const DDPM_SPACINGS: readonly DdpmSpacing[] = ['leading', 'trailing', 'linspace'];

/** Rounds half to even, as numpy's `round` does (0.5 -> 0, 1.5 -> 2, 2.5 -> 2). */
function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const rest = x - floor;
  if (rest !== 0.5) return Math.round(x);
  return floor % 2 === 0 ? floor : floor + 1;
}

/** The largest step count a spacing allows over `trainSteps` levels (distinct levels). */
export function maxDdpmSteps(spacing: DdpmSpacing, trainSteps: number): number {
  return spacing === 'trailing' ? trainSteps : trainSteps - 1;
}

/**
 * The training levels tau_0 > tau_1 > ... > tau_S (S = `steps`) that a grid of S steps visits over
 * N = `trainSteps` levels, by diffusers' `timestep_spacing` rules (Lin et al. 2024, "Common Diffusion
 * Noise Schedules and Sample Steps are Flawed", table 2), in the form of
 * `DPMSolverMultistepScheduler.set_timesteps(S)` (and DEIS, UniPC): the model is evaluated at
 * tau_0..tau_{S-1}; tau_S is the clean end, where the last step lands:
 *
 * - 'leading': tau_k = (S - k) floor(N / (S + 1)), so tau_S = 0 (= DDIMScheduler.set_timesteps(S + 1),
 *   steps_offset 0);
 * - 'linspace': tau_k = round((S - k) (N - 1) / S) (numpy round, half to even), from N - 1 to tau_S = 0
 *   (= DDIMScheduler.set_timesteps(S + 1));
 * - 'trailing': tau_k = round(N - k N / S) - 1, from N - 1 to tau_S = -1, "before level 0", i.e.
 *   the data (the first S are DDIMScheduler.set_timesteps(S)).
 *
 * S may be at most N - 1 ('leading', 'linspace') or N ('trailing'), so the levels are distinct.
 *
 * @example
 * ddpmTimesteps('leading', 1000, 4); // [800, 600, 400, 200, 0]
 * ddpmTimesteps('trailing', 1000, 4); // [999, 749, 499, 249, -1]
 * ddpmTimesteps('linspace', 1000, 4); // [999, 749, 500, 250, 0]  (249.75 -> 250, 499.5 -> 500)
 */
export function ddpmTimesteps(spacing: DdpmSpacing, trainSteps: number, steps: number): Int32Array {
  if (!DDPM_SPACINGS.includes(spacing)) {
    throw new RangeError(`ddpmTimesteps: spacing must be one of ${DDPM_SPACINGS.map((s) => `'${s}'`).join(', ')}, got '${spacing}'.`);
  }
  if (!Number.isInteger(trainSteps) || trainSteps < 2) throw new RangeError(`ddpmTimesteps: trainSteps must be an integer >= 2, got ${trainSteps}.`);
  const max = maxDdpmSteps(spacing, trainSteps);
  if (!Number.isInteger(steps) || steps < 1 || steps > max) {
    throw new RangeError(`ddpmTimesteps: steps must be an integer in [1, ${max}] for ${trainSteps} training levels with '${spacing}' spacing, got ${steps}.`);
  }
  const levels = new Int32Array(steps + 1);
  if (spacing === 'leading') {
    const ratio = Math.floor(trainSteps / (steps + 1));
    for (let k = 0; k <= steps; k++) levels[k] = (steps - k) * ratio;
  } else if (spacing === 'linspace') {
    const stride = (trainSteps - 1) / steps;
    for (let k = 0; k <= steps; k++) levels[k] = roundHalfEven((steps - k) * stride);
    levels[0] = trainSteps - 1;
  } else {
    const ratio = trainSteps / steps;
    for (let k = 0; k < steps; k++) levels[k] = roundHalfEven(trainSteps - k * ratio) - 1;
    levels[steps] = -1;
  }
  return levels;
}
