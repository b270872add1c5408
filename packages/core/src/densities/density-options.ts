import { z } from 'zod';
import { BANANA_DEFAULTS } from './banana.js';
import { DONUT_DEFAULTS } from './donut.js';
import { FUNNEL_DEFAULTS } from './funnel.js';

/*
 * The config options of the test densities, in one place: the data source that samples a density
 * and the MCMC target that is it read the same options (data-sources' `banana`, score-models'
 * target `banana`, ...).
 */

/** Options of the banana: `scale` s, `curvature` c, `width` w (defaults 2, 0.25, 1: `BANANA_DEFAULTS`). */
export const bananaOptionsSchema = z.strictObject({
  scale: z.number().positive().default(BANANA_DEFAULTS.scale).describe('std s of x1'),
  curvature: z.number().default(BANANA_DEFAULTS.curvature).describe('curvature c of the ridge x2 = c (x1^2 - s^2)'),
  width: z.number().positive().default(BANANA_DEFAULTS.width).describe('std w of x2 about the ridge'),
});

/** Options of the donut: `radius` R (>= 0) and `width` w (> 0) (defaults 3, 0.5: `DONUT_DEFAULTS`). */
export const donutOptionsSchema = z.strictObject({
  radius: z.number().min(0).default(DONUT_DEFAULTS.radius).describe('radius R of the ring'),
  width: z.number().positive().default(DONUT_DEFAULTS.width).describe('radial std w'),
});

/** Options of Neal's funnel: `scale` s (> 0, default 3: `FUNNEL_DEFAULTS`). */
export const funnelOptionsSchema = z.strictObject({
  scale: z.number().positive().default(FUNNEL_DEFAULTS.scale).describe('std s of x1, the log variance of x2'),
});
