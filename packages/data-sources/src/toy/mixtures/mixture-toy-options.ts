import { z } from 'zod';
import { scaleOption } from '../toy-options.js';

/**
 * Options of a toy Gaussian mixture (`eight-gaussians`, `twenty-five-gaussians`): `scale`, which
 * multiplies means and std, and the component `std` before scale, with the set's `defaults`.
 *
 * @example
 * export const eightGaussiansOptions = mixtureToyOptions(EIGHT_GAUSSIANS_DEFAULTS);
 */
export const mixtureToyOptions = (defaults: { readonly scale: number; readonly std: number }) =>
  z.strictObject({
    scale: scaleOption(defaults.scale, 'multiplies every point (means and std)'),
    std: z.number().positive().default(defaults.std).describe('std of each component, before scale'),
  });
