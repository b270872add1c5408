import { z } from 'zod';
import { toyPlugin } from '../toy-plugin.js';
import { scaleOption } from '../toy-options.js';
import { checkerboardSource } from './checkerboard-source.js';

/** Options of `checkerboard`: `scale` (default 1: the board covers [-4, 4]^2). */
export const checkerboardOptions = z.strictObject({ scale: scaleOption(1, 'multiplies every point: the board covers [-4 scale, 4 scale]^2') });

/**
 * Data source `checkerboard`: FFJORD's checkerboard, uniform on the 8 dark squares of a 4 x 4
 * board, with its exact density 1 / (32 scale^2).
 *
 * @example
 * // config: { type: 'checkerboard' }
 */
export const checkerboardPlugin = toyPlugin({
  name: 'checkerboard',
  description: "Uniform on the dark squares of a 4 x 4 board on [-4, 4]^2 (FFJORD's checkerboard); exact density.",
  options: checkerboardOptions,
  make: checkerboardSource,
});
