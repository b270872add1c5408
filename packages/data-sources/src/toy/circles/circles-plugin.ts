import { z } from 'zod';
import { toyPlugin } from '../toy-plugin.js';
import { noiseAndScaleOptions } from '../toy-options.js';
import { CIRCLES_DEFAULTS, circlesSource } from './circles-source.js';

/** Options of `circles`: `factor` (0 <= factor < 1, default 0.5), `noise` (default 0), `scale` (default 1). */
export const circlesOptions = z.strictObject({
  factor: z.number().min(0).lt(1).default(CIRCLES_DEFAULTS.factor).describe('radius of the inner circle (the outer is 1)'),
  ...noiseAndScaleOptions(CIRCLES_DEFAULTS),
});

/**
 * Data source `circles`: scikit-learn's `make_circles`, the circle (0 outer, 1 inner) as label.
 *
 * @example
 * // config: { type: 'circles', factor: 0.5, noise: 0.08, scale: 3 }   (FFJORD's circles)
 */
export const circlesPlugin = toyPlugin({
  name: 'circles',
  description: "Two concentric circles (scikit-learn's make_circles): radii 1 and factor, Gaussian noise.",
  options: circlesOptions,
  make: circlesSource,
});
