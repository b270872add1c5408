import { countPoints } from './check.js';
import type { Density } from './density.js';

/** A density on the plane point by point: what `planeDensity` loops over the points. */
export interface PlanePoint {
  /** log p(x1, x2) of one point. */
  logDensity(x1: number, x2: number): number;
  /** Writes grad log p(x1, x2) to out[at] (d/dx1) and out[at + 1] (d/dx2). */
  gradLogDensity(x1: number, x2: number, out: Float32Array, at: number): void;
}

/**
 * A `Density` on the plane from its value and gradient at one point: the frame the test densities
 * share (donut, funnel, the ridge densities, data-sources' checkerboard). It checks the buffers
 * (`x` holds whole points, `out` one value or two per point, a RangeError naming
 * `<name>.logDensity` / `<name>.gradLogDensity` otherwise) and walks the points of `x`
 * (row-major x = [x1_0, x2_0, x1_1, x2_1, ...]); `parameters` are frozen.
 *
 * @example
 * const gaussian = planeDensity('gaussian', {}, {
 *   logDensity: (x1, x2) => -Math.log(2 * Math.PI) - 0.5 * (x1 * x1 + x2 * x2),
 *   gradLogDensity: (x1, x2, out, at) => { out[at] = -x1; out[at + 1] = -x2; },
 * });
 */
export function planeDensity<P extends object>(name: string, parameters: P, point: PlanePoint): Density<P> {
  return Object.freeze({
    name,
    dim: 2,
    parameters: Object.freeze(parameters),
    logDensity(x: Float32Array | Float64Array, out: Float64Array): Float64Array {
      const n = countPoints(`${name}.logDensity`, x, out, 1);
      for (let i = 0; i < n; i++) out[i] = point.logDensity(x[2 * i], x[2 * i + 1]);
      return out;
    },
    gradLogDensity(x: Float32Array | Float64Array, out: Float32Array): Float32Array {
      const n = countPoints(`${name}.gradLogDensity`, x, out, 2);
      for (let i = 0; i < n; i++) point.gradLogDensity(x[2 * i], x[2 * i + 1], out, 2 * i);
      return out;
    },
  });
}
