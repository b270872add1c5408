import { type GaussianMixture, gaussianMixture } from '../mixture/gaussian-mixture.js';
import { positiveArgument } from '../arguments/arguments.js';

/** Options of `ringMixture`; every field has a default (`RING_DEFAULTS`). */
export interface RingMixtureOptions {
  /** Number of components K (integer >= 1). */
  readonly components?: number;
  /** Radius of the circle the means lie on (>= 0). */
  readonly radius?: number;
  /** Standard deviation of every component, both coordinates (> 0). */
  readonly std?: number;
}

/** The options of `ringMixture` after defaults. */
export type RingMixtureParameters = Required<RingMixtureOptions>;

/** K = 8, radius 3, std 0.3. */
export const RING_DEFAULTS: RingMixtureParameters = Object.freeze({ components: 8, radius: 3, std: 0.3 });

/**
 * The multimodal ring: K equal isotropic Gaussians on a circle,
 *
 *     p(x) = (1/K) sum_{k=0}^{K-1} N(x; rho (cos(2 pi k / K), sin(2 pi k / K)), sigma^2 I)
 *
 * (the first mean on the positive x1 axis, then counter-clockwise). With the defaults the modes are
 * 2 rho sin(pi / K) = 2.3 apart, about 7.6 standard deviations. Its log density and gradient are
 * `mixtureLogDensity` / `mixtureGradLogDensity` (core's `src/mixture/`); data sources sample it exactly.
 * Mean 0 (K >= 2); covariance (rho^2 / 2 + sigma^2) I for K >= 3.
 */
export function ringMixture(options: RingMixtureOptions = {}): GaussianMixture {
  const components = options.components ?? RING_DEFAULTS.components;
  if (!Number.isSafeInteger(components) || components < 1) {
    throw new RangeError(`ringMixture: 'components' must be an integer >= 1, got ${components}.`);
  }
  const radius = positiveArgument('ringMixture', 'radius', options.radius ?? RING_DEFAULTS.radius, true);
  const std = positiveArgument('ringMixture', 'std', options.std ?? RING_DEFAULTS.std);
  const means = Array.from({ length: components }, (_, k) => {
    const angle = (2 * Math.PI * k) / components;
    return [radius * Math.cos(angle), radius * Math.sin(angle)];
  });
  return gaussianMixture({ means, std });
}
