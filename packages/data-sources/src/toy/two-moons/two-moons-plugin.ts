import { z } from 'zod';
import { toyPlugin } from '../toy-plugin.js';
import { TWO_MOONS_PRESETS, type TwoMoonsPreset } from './two-moons-presets.js';
import { twoMoonsSource } from './two-moons-source.js';

/**
 * Options of `two-moons`: `preset` (`standard`) sets `noise`, `shift` and `scale`, and any of
 * them given beside it overrides the preset's value; without a preset they default to noise 0,
 * shift (0, 0), scale 1 (scikit-learn's `make_moons`). The parsed options are the resolved ones,
 * so a resolved config parses back to itself.
 */
export const twoMoonsOptions = z
  .strictObject({
    preset: z.enum(Object.keys(TWO_MOONS_PRESETS) as [TwoMoonsPreset]).optional().describe('standard: noise 0.05, shift (-0.5, -0.25), scale 2'),
    noise: z.number().min(0).optional().describe('std of the Gaussian noise per coordinate, before shift and scale (default 0)'),
    shift: z.array(z.number()).length(2).optional().describe('added after the noise, before scale (default [0, 0])'),
    scale: z.number().positive().optional().describe('multiplies every point (default 1)'),
  })
  .transform(({ preset, noise, shift, scale }) => {
    const base = preset === undefined ? { noise: 0, shift: [0, 0] as const, scale: 1 } : TWO_MOONS_PRESETS[preset];
    return {
      ...(preset === undefined ? {} : { preset }),
      noise: noise ?? base.noise,
      shift: [...(shift ?? base.shift)] as [number, number],
      scale: scale ?? base.scale,
    };
  });

/**
 * Data source `two-moons`: scikit-learn's `make_moons`, the moon in the `label` column.
 *
 * @example
 * // config: { type: 'two-moons', preset: 'standard' }
 * // config: { type: 'two-moons', noise: 0.1 }
 */
export const twoMoonsPlugin = toyPlugin({
  name: 'two-moons',
  description: "Two interleaving half circles (scikit-learn's make_moons); preset 'standard' = noise 0.05, shift (-0.5, -0.25), scale 2.",
  options: twoMoonsOptions,
  make: twoMoonsSource,
});
