import { twentyFiveGaussiansOptions } from '../toy-set-options.js';
import { toyPlugin } from '../toy-plugin.js';
import { twentyFiveGaussiansSource } from './twenty-five-gaussians-source.js';

/** Its options (`toy-set-options.ts`). */
export { twentyFiveGaussiansOptions } from '../toy-set-options.js';

/**
 * Data source `twenty-five-gaussians`: the WGAN-GP 5 x 5 grid of Gaussians, the component as
 * label, with its exact density.
 *
 * @example
 * // config: { type: 'twenty-five-gaussians', std: 0.05 }
 */
export const twentyFiveGaussiansPlugin = toyPlugin({
  name: 'twenty-five-gaussians',
  description: 'Twenty-five equal Gaussians on a 5 x 5 grid of spacing 1/sqrt(2) (WGAN-GP 25gaussians); exact density; the component is the label.',
  options: twentyFiveGaussiansOptions,
  make: twentyFiveGaussiansSource,
});
