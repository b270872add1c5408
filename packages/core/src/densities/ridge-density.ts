import { LOG_TWO_PI, countPoints } from './check.js';
import type { Density } from './density.js';

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
 * `name` and `parameters` (frozen) are the density's; options are checked by the caller.
 *
 * @example
 * const density = ridgeDensity('banana', parameters, { scale: 2, width: 1, ridge: (x1) => 0.25 * x1 * x1 - 1, slope: (x1) => 0.5 * x1 });
 */
export function ridgeDensity<P extends object>(name: string, parameters: P, { scale, width, ridge, slope }: Ridge): Density<P> {
  const logNormaliser = -LOG_TWO_PI - Math.log(scale * width);
  const precision1 = 1 / (scale * scale);
  const precision2 = 1 / (width * width);
  return Object.freeze({
    name,
    dim: 2,
    parameters: Object.freeze(parameters),
    logDensity(x: Float32Array | Float64Array, out: Float64Array): Float64Array {
      const n = countPoints(`${name}.logDensity`, x, out, 1);
      for (let i = 0; i < n; i++) {
        const x1 = x[2 * i];
        const r = x[2 * i + 1] - ridge(x1);
        out[i] = logNormaliser - 0.5 * (x1 * x1 * precision1 + r * r * precision2);
      }
      return out;
    },
    gradLogDensity(x: Float32Array | Float64Array, out: Float32Array): Float32Array {
      const n = countPoints(`${name}.gradLogDensity`, x, out, 2);
      for (let i = 0; i < n; i++) {
        const x1 = x[2 * i];
        const g2 = -(x[2 * i + 1] - ridge(x1)) * precision2;
        out[2 * i] = -x1 * precision1 - slope(x1) * g2;
        out[2 * i + 1] = g2;
      }
      return out;
    },
  });
}
