import { eightGaussiansOptions } from '../toy-set-options.js';
import { toyPlugin } from '../toy-plugin.js';
import { eightGaussiansSource } from './eight-gaussians-source.js';

/** Its options (`toy-set-options.ts`). */
export { eightGaussiansOptions } from '../toy-set-options.js';

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
