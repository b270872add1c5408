import { SQUIGGLE_DEFAULTS, squiggle } from '@scoreflow/core';
import { z } from 'zod';
import { densityTarget } from './density-target.js';
import { targetPlugin } from './target-plugin.js';

/** `type: squiggle` (kind `target`): core's `squiggle`, x1 ~ N(0, scale^2), x2 | x1 ~ N(amplitude sin(frequency x1), width^2). 2-D, normalised. */
export const squiggleTargetPlugin = targetPlugin({
  name: 'squiggle',
  description: 'Squiggle: x1 ~ N(0, scale^2), x2 | x1 ~ N(amplitude sin(frequency x1), width^2) (2-D)',
  options: z.strictObject({
    scale: z.number().positive().default(SQUIGGLE_DEFAULTS.scale).describe('standard deviation of x1'),
    amplitude: z.number().default(SQUIGGLE_DEFAULTS.amplitude).describe('amplitude of the wave'),
    frequency: z.number().default(SQUIGGLE_DEFAULTS.frequency).describe('angular frequency of the wave (radians per unit of x1)'),
    width: z.number().positive().default(SQUIGGLE_DEFAULTS.width).describe('standard deviation of x2 about the wave'),
  }),
  make: (options) => densityTarget(squiggle(options)),
});
