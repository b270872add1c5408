import { z } from 'zod';
import { toyPlugin } from '../toy-plugin.js';
import { scaleOption } from '../toy-options.js';
import { EIGHT_GAUSSIANS_DEFAULTS, eightGaussiansSource } from './eight-gaussians-source.js';

/** Options of `eight-gaussians`: `scale` (default 1) and the component `std` before scale (default 0.5 / sqrt(2)). */
export const eightGaussiansOptions = z.strictObject({
  scale: scaleOption(EIGHT_GAUSSIANS_DEFAULTS.scale, 'multiplies every point (means and std)'),
  std: z.number().positive().default(EIGHT_GAUSSIANS_DEFAULTS.std).describe('std of each component, before scale'),
});

/**
 * Data source `eight-gaussians`: core's eight-gaussians mixture (FFJORD's 8gaussians), the
 * component as label, with its exact density.
 *
 * @example
 * // config: { type: 'eight-gaussians', scale: 2, std: 0.2 }
 */
export const eightGaussiansPlugin = toyPlugin({
  name: 'eight-gaussians',
  description: "Eight equal Gaussians on a circle of radius 2 sqrt(2) (FFJORD's 8gaussians); exact density; the component is the label.",
  options: eightGaussiansOptions,
  make: eightGaussiansSource,
});
