import { LOG_TWO_PI } from './check.js';
import type { Density } from './density.js';
import { planeDensity } from './plane-density.js';

/** The ridge of a `ridgeDensity`: x1's standard deviation, the width about the ridge, m and m'. */
export interface Ridge {
  /** Standard deviation s of x1 (> 0). */
  readonly scale: number;
  /** Standard deviation w of x2 about the ridge (> 0). */
  readonly width: number;
  /** The ridge m(x1), the conditional mean of x2. */
  readonly ridge: (x1: number) => number;
  /** Its slope m'(x1). */
  readonly slope: (x1: number) => number;
}

/**
 * A density on the plane with x1 ~ N(0, s^2) and x2 | x1 ~ N(m(x1), w^2), the frame the banana
 * and the squiggle share:
 *
 *     log p(x) = -log(2 pi s w) - x1^2 / (2 s^2) - r^2 / (2 w^2),   r = x2 - m(x1)
 *     d/dx1 log p = -x1 / s^2 + m'(x1) r / w^2,   d/dx2 log p = -r / w^2
 *
 * `name` and `parameters` (frozen) are the density's (`planeDensity`); options are checked by the caller.
 *
 * @example
 * const density = ridgeDensity('banana', parameters, { scale: 2, width: 1, ridge: (x1) => 0.25 * x1 * x1 - 1, slope: (x1) => 0.5 * x1 });
 */
export function ridgeDensity<P extends object>(name: string, parameters: P, { scale, width, ridge, slope }: Ridge): Density<P> {
  const logNormaliser = -LOG_TWO_PI - Math.log(scale * width);
  const precision1 = 1 / (scale * scale);
  const precision2 = 1 / (width * width);
  return planeDensity(name, parameters, {
    logDensity(x1, x2) {
      const r = x2 - ridge(x1);
      return logNormaliser - 0.5 * (x1 * x1 * precision1 + r * r * precision2);
    },
    gradLogDensity(x1, x2, out, at) {
      const g2 = -(x2 - ridge(x1)) * precision2;
      out[at] = -x1 * precision1 - slope(x1) * g2;
      out[at + 1] = g2;
    },
  });
}
