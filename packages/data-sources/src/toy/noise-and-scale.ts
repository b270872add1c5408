import { positiveArgument } from '@scoreflow/core';

/** The `noise` and `scale` of a toy set drawn as x = scale * (point + noise * z), z standard normal. */
export interface NoiseAndScale {
  /** Standard deviation of the Gaussian noise per coordinate (>= 0), before `scale`. Defaults to the set's (its `*_DEFAULTS`). */
  readonly noise?: number;
  /** Multiplies every point (> 0). Defaults to the set's (its `*_DEFAULTS`). */
  readonly scale?: number;
}

/**
 * `noise` and `scale` of `options`, `defaults` where absent, checked in the name of the source
 * `fn` (`noise` >= 0, `scale` > 0; a bad one throws core's argument error).
 *
 * @example
 * const { noise, scale } = noiseAndScale('swissRollSource', options, SWISS_ROLL_DEFAULTS);
 */
export function noiseAndScale(fn: string, options: NoiseAndScale, defaults: Required<NoiseAndScale>): Required<NoiseAndScale> {
  return {
    noise: positiveArgument(fn, 'noise', options.noise ?? defaults.noise, true),
    scale: positiveArgument(fn, 'scale', options.scale ?? defaults.scale),
  };
}
