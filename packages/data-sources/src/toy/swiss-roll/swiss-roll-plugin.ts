import { swissRollOptions } from '../toy-set-options.js';
import { toyPlugin } from '../toy-plugin.js';
import { swissRollSource } from './swiss-roll-source.js';

/** Its options (`toy-set-options.ts`). */
export { swissRollOptions } from '../toy-set-options.js';

/**
 * Data source `swiss-roll`: the 2-D Swiss roll (t cos t, t sin t), t uniform on [1.5 pi, 4.5 pi].
 *
 * @example
 * // config: { type: 'swiss-roll', noise: 1, scale: 0.2 }   (FFJORD's swissroll)
 */
export const swissRollPlugin = toyPlugin({
  name: 'swiss-roll',
  description: "The Swiss roll of scikit-learn's make_swiss_roll seen along its axis: (t cos t, t sin t), t in [1.5 pi, 4.5 pi].",
  options: swissRollOptions,
  make: swissRollSource,
});
