import { toyPlugin } from '../toy-plugin.js';
import { mixtureToyOptions } from './mixture-toy-options.js';
import { EIGHT_GAUSSIANS_DEFAULTS, eightGaussiansSource } from './eight-gaussians-source.js';

/** Options of `eight-gaussians`: `scale` (default 1) and the component `std` before scale (default 0.5 / sqrt(2)). */
export const eightGaussiansOptions = mixtureToyOptions(EIGHT_GAUSSIANS_DEFAULTS);

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
