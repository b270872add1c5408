import { z } from 'zod';
import { CIRCLES_DEFAULTS } from './circles/circles-source.js';
import { EIGHT_GAUSSIANS_DEFAULTS } from './mixtures/eight-gaussians-source.js';
import { mixtureToyOptions } from './mixtures/mixture-toy-options.js';
import { TWENTY_FIVE_GAUSSIANS_DEFAULTS } from './mixtures/twenty-five-gaussians-source.js';
import { SWISS_ROLL_DEFAULTS } from './swiss-roll/swiss-roll-source.js';
import { noiseAndScaleOptions } from './toy-options.js';
import { TWO_SPIRALS_DEFAULTS } from './two-spirals/two-spirals-source.js';

/*
 * The config options of the toy sets drawn with `noise` and `scale` or as mixtures, in one place
 * (as core's density options): each plugin re-exports its own (`swissRollOptions`, ...).
 */

/** Options of `circles`: `factor` (0 <= factor < 1, default 0.5), `noise` (default 0), `scale` (default 1). */
export const circlesOptions = z.strictObject({
  factor: z.number().min(0).lt(1).default(CIRCLES_DEFAULTS.factor).describe('radius of the inner circle (the outer is 1)'),
  ...noiseAndScaleOptions(CIRCLES_DEFAULTS),
});

/** Options of `swiss-roll`: `noise` (default 0) and `scale` (default 1). */
export const swissRollOptions = z.strictObject(noiseAndScaleOptions(SWISS_ROLL_DEFAULTS));

/** Options of `two-spirals`: `noise` (default 0.1) and `scale` (default 1). */
export const twoSpiralsOptions = z.strictObject(noiseAndScaleOptions(TWO_SPIRALS_DEFAULTS));

/** Options of `eight-gaussians`: `scale` (default 1) and the component `std` before scale (default 0.5 / sqrt(2)). */
export const eightGaussiansOptions = mixtureToyOptions(EIGHT_GAUSSIANS_DEFAULTS);

/** Options of `twenty-five-gaussians`: `scale` (default 1) and the component `std` before scale (default 0.05 / sqrt(8)). */
export const twentyFiveGaussiansOptions = mixtureToyOptions(TWENTY_FIVE_GAUSSIANS_DEFAULTS);
