import { circlesOptions } from '../toy-set-options.js';
import { toyPlugin } from '../toy-plugin.js';
import { circlesSource } from './circles-source.js';

/** Its options (`toy-set-options.ts`). */
export { circlesOptions } from '../toy-set-options.js';

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
