import { type GaussianMixture, gaussianMixture } from '../mixture/gaussian-mixture.js';
import { positiveArgument } from '../arguments/arguments.js';

/** Options of `separatedModesMixture`; every field has a default (`SEPARATED_MODES_DEFAULTS`). */
export interface SeparatedModesOptions {
  /** The modes sit at (-offset, 0) and (offset, 0) (> 0): 2 offset apart. */
  readonly offset?: number;
  /** Standard deviation of both components, both coordinates (> 0). */
  readonly std?: number;
}

/** The options of `separatedModesMixture` after defaults. */
export type SeparatedModesParameters = Required<SeparatedModesOptions>;

/** offset d = 4, std s = 0.5: the modes are 16 standard deviations apart. */
export const SEPARATED_MODES_DEFAULTS: SeparatedModesParameters = Object.freeze({ offset: 4, std: 0.5 });

/**
 * Two equal Gaussians far apart compared to their width, the race target of issue 4 (MCMC
 * against diffusion):
 *
 *     p(x) = 1/2 N(x; (-d, 0), s^2 I) + 1/2 N(x; (d, 0), s^2 I)
 *
 * Halfway between the modes the density is exp(-d^2 / (2 s^2)) = exp(-32) (with the defaults) of
 * its value at a mode, so a random walk rarely crosses and chains stay in the mode they start in,
 * while a diffusion sampler with the exact score reaches both. Mean 0; covariance diag(d^2 + s^2, s^2).
 */
export function separatedModesMixture(options: SeparatedModesOptions = {}): GaussianMixture {
  const offset = positiveArgument('separatedModesMixture', 'offset', options.offset ?? SEPARATED_MODES_DEFAULTS.offset);
  const std = positiveArgument('separatedModesMixture', 'std', options.std ?? SEPARATED_MODES_DEFAULTS.std);
  return gaussianMixture({ means: [[-offset, 0], [offset, 0]], std });
}
