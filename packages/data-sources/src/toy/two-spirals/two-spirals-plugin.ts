import { twoSpiralsOptions } from '../toy-set-options.js';
import { toyPlugin } from '../toy-plugin.js';
import { twoSpiralsSource } from './two-spirals-source.js';

/** Its options (`toy-set-options.ts`). */
export { twoSpiralsOptions } from '../toy-set-options.js';

/**
 * Data source `two-spirals`: FFJORD's 2spirals, the spiral as label.
 *
 * @example
 * // config: { type: 'two-spirals' }
 */
export const twoSpiralsPlugin = toyPlugin({
  name: 'two-spirals',
  description: "Two interleaved spirals of 540 degrees (FFJORD's 2spirals); the spiral is the label.",
  options: twoSpiralsOptions,
  make: twoSpiralsSource,
});
