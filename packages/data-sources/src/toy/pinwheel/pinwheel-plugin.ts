import { z } from 'zod';
import { toyPlugin } from '../toy-plugin.js';
import { scaleOption } from '../toy-options.js';
import { PINWHEEL_DEFAULTS, pinwheelSource } from './pinwheel-source.js';

/** Options of `pinwheel`: `arms`, `radialStd`, `tangentialStd`, `rate`, `scale` (defaults: FFJORD's pinwheel). */
export const pinwheelOptions = z.strictObject({
  arms: z.number().int().min(1).default(PINWHEEL_DEFAULTS.arms).describe('number of arms'),
  radialStd: z.number().min(0).default(PINWHEEL_DEFAULTS.radialStd).describe('std along an arm'),
  tangentialStd: z.number().min(0).default(PINWHEEL_DEFAULTS.tangentialStd).describe('std across an arm'),
  rate: z.number().default(PINWHEEL_DEFAULTS.rate).describe('turn of an arm per unit of exp(radius)'),
  scale: scaleOption(PINWHEEL_DEFAULTS.scale),
});

/**
 * Data source `pinwheel`: Johnson et al. (2016) / FFJORD's pinwheel, the arm as label.
 *
 * @example
 * // config: { type: 'pinwheel', arms: 5 }
 */
export const pinwheelPlugin = toyPlugin({
  name: 'pinwheel',
  description: "Curved Gaussian arms around the origin (Johnson et al. 2016, FFJORD's pinwheel); the arm is the label.",
  options: pinwheelOptions,
  make: pinwheelSource,
});
