import { positiveArgument } from '../arguments/arguments.js';
import type { Density } from './density.js';
import { erf } from './erf.js';
import { planeDensity } from './plane-density.js';

/** Options of `donut`; every field has a default (`DONUT_DEFAULTS`). */
export interface DonutOptions {
  /** Radius R of the ring (>= 0; 0 gives the Gaussian N(0, w^2 I)). */
  readonly radius?: number;
  /** Radial standard deviation w (> 0). */
  readonly width?: number;
}

/** The options of `donut` after defaults (`parameters` of the density). */
export type DonutParameters = Required<DonutOptions>;

/** R = 3, w = 0.5. */
export const DONUT_DEFAULTS: DonutParameters = Object.freeze({ radius: 3, width: 0.5 });

/**
 * The normalising constant of the donut, Z = int_{R^2} exp(-(|x| - R)^2 / (2 w^2)) dx
 * = 2 pi [w^2 exp(-R^2 / (2 w^2)) + R w sqrt(pi / 2) (1 + erf(R / (w sqrt 2)))].
 *
 * Derivation: in polar coordinates Z = 2 pi int_0^inf r exp(-(r - R)^2 / (2 w^2)) dr; with u = r - R
 * this is 2 pi [int_{-R}^inf u exp(-u^2 / (2 w^2)) du + R int_{-R}^inf exp(-u^2 / (2 w^2)) du], and
 * the two integrals are w^2 exp(-R^2 / (2 w^2)) and w sqrt(2 pi) Phi(R / w) = w sqrt(pi / 2)
 * (1 + erf(R / (w sqrt 2))). For R = 0 it is 2 pi w^2; for R >> w it tends to 2 pi R * w sqrt(2 pi).
 */
export function donutNormaliser(radius: number, width: number): number {
  positiveArgument('donutNormaliser', 'radius', radius, true);
  positiveArgument('donutNormaliser', 'width', width);
  const w2 = width * width;
  return 2 * Math.PI * (w2 * Math.exp(-(radius * radius) / (2 * w2)) + radius * width * Math.sqrt(Math.PI / 2) * (1 + erf(radius / (width * Math.SQRT2))));
}

/**
 * The donut (a ring of radius R and radial width w):
 *
 *     p(x) = exp(-(|x| - R)^2 / (2 w^2)) / Z,   Z = donutNormaliser(R, w)
 *     grad log p(x) = -(|x| - R) / (w^2 |x|) x   for x != 0
 *
 * At the origin |x| is not differentiable and the gradient has no limit (its length tends to
 * R / w^2 in every direction); there it is defined as 0, the average over the directions (and the
 * exact value when R = 0). The radius |x| has density 2 pi r exp(-(r - R)^2 / (2 w^2)) / Z on r > 0
 * and the angle is uniform and independent of it: an exact sampler draws the two.
 *
 * @example
 * const ring = donut({ radius: 2 });
 * ring.gradLogDensity(new Float32Array([3, 0]), new Float32Array(2)); // [-(3 - 2) / 0.25, 0] = [-4, 0]
 */
export function donut(options: DonutOptions = {}): Density<DonutParameters> {
  const radius = positiveArgument('donut', 'radius', options.radius ?? DONUT_DEFAULTS.radius, true);
  const width = positiveArgument('donut', 'width', options.width ?? DONUT_DEFAULTS.width);
  const logNormaliser = -Math.log(donutNormaliser(radius, width));
  const precision = 1 / (width * width);
  return planeDensity('donut', { radius, width }, {
    logDensity(x1, x2) {
      const d = Math.sqrt(x1 * x1 + x2 * x2) - radius;
      return logNormaliser - 0.5 * d * d * precision;
    },
    gradLogDensity(x1, x2, out, at) {
      const r = Math.sqrt(x1 * x1 + x2 * x2);
      const factor = r === 0 ? 0 : -((r - radius) * precision) / r;
      out[at] = factor * x1;
      out[at + 1] = factor * x2;
    },
  });
}
