import { z } from 'zod';
import { toyPlugin } from '../toy-plugin.js';
import { noiseAndScaleOptions } from '../toy-options.js';
import { TWO_SPIRALS_DEFAULTS, twoSpiralsSource } from './two-spirals-source.js';

/** Options of `two-spirals`: `noise` (default 0.1) and `scale` (default 1). */
export const twoSpiralsOptions = z.strictObject({
  ...noiseAndScaleOptions(TWO_SPIRALS_DEFAULTS),
});

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
