import { SEPARATED_MODES_DEFAULTS, separatedModesMixture } from '@scoreflow/core';
import { z } from 'zod';
import { mixtureTarget } from './mixture-target.js';
import { targetPlugin } from './target-plugin.js';

/**
 * `type: separated-modes` (kind `target`): core's `separatedModesMixture`, 1/2 N((-offset, 0), std^2 I)
 * + 1/2 N((offset, 0), std^2 I): modes far apart compared to their width, where a random walk rarely
 * crosses (the race target of issue 4). Through the mixture code. 2-D, normalised.
 */
export const separatedModesTargetPlugin = targetPlugin({
  name: 'separated-modes',
  description: 'Two Gaussians at (-offset, 0) and (offset, 0) with std, far apart: a random walk rarely crosses (2-D)',
  options: z.strictObject({
    offset: z.number().positive().default(SEPARATED_MODES_DEFAULTS.offset).describe('the modes sit at (-offset, 0) and (offset, 0)'),
    std: z.number().positive().default(SEPARATED_MODES_DEFAULTS.std).describe('standard deviation of each mode'),
  }),
  make: (options) => mixtureTarget(separatedModesMixture(options), 'separated-modes'),
});
