import { RING_DEFAULTS, ringMixture } from '@scoreflow/core';
import { z } from 'zod';
import { mixtureTarget } from './mixture-target.js';
import { targetPlugin } from './target-plugin.js';

/**
 * `type: ring` (kind `target`): core's `ringMixture`, `components` equal Gaussians of standard
 * deviation `std` on a circle of radius `radius`, through the mixture code (`mixtureTarget`). 2-D, normalised.
 */
export const ringTargetPlugin = targetPlugin({
  name: 'ring',
  description: 'Multimodal ring: equal Gaussians (std) at `components` points of a circle (radius) (2-D)',
  options: z.strictObject({
    components: z.number().int().min(1).max(1000).default(RING_DEFAULTS.components).describe('number of modes'),
    radius: z.number().min(0).default(RING_DEFAULTS.radius).describe('radius of the circle of means'),
    std: z.number().positive().default(RING_DEFAULTS.std).describe('standard deviation of each mode'),
  }),
  make: (options) => mixtureTarget(ringMixture(options), 'ring'),
});
