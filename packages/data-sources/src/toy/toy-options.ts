import { z } from 'zod';

/**
 * Option schemas shared by the toy plugins, so that `scale` and `noise` read the same in every
 * config. A toy point is drawn in its set's own units, noise included, and then multiplied by
 * `scale`.
 */

/** `scale` (> 0): multiplies every point of the set, noise included (`about` overrides the description). */
export const scaleOption = (fallback: number, about = 'multiplies every point (noise included)') => z.number().positive().default(fallback).describe(about);

/** `noise` (>= 0): standard deviation of the Gaussian noise on each coordinate, in the set's units (before `scale`). */
export const noiseOption = (fallback: number) =>
  z.number().min(0).default(fallback).describe('std of the Gaussian noise per coordinate, before scale');

/** The `noise` and `scale` option schemas with a set's `defaults`, to spread into its plugin's options. */
export const noiseAndScaleOptions = (defaults: { readonly noise: number; readonly scale: number }) => ({
  noise: noiseOption(defaults.noise),
  scale: scaleOption(defaults.scale),
});
