import { sumCrossPairs, sumWithinPairs } from '../samples/pairwise-sums.js';
import { checkInteger, rowCount } from '../samples/rows.js';
import { DEFAULT_MAX_SAMPLES, strideRows } from '../samples/stride-rows.js';

/** Options of `energyDistance`. */
export interface EnergyDistanceOptions {
  /** Use at most this many rows of each sample, evenly strided (default 2000; at least 2). */
  readonly maxSamples?: number;
}

/**
 * The energy distance between the sample `x` (n rows) and the reference `y` (m rows)
 * (Szekely and Rizzo 2013, eq. 2.1; Szekely 2003):
 *
 *   E(X, Y) = 2 E|X - Y| - E|X - X'| - E|Y - Y'|,
 *
 * estimated with U-statistics: the mean of |x_i - y_j| over all n m pairs, and the means of
 * |x_i - x_j| and |y_i - y_j| over distinct pairs i != j, so the estimate is unbiased. E(X, Y) >= 0,
 * zero iff the distributions agree; in 1-D it is 2 * integral (F - G)^2 (Cramer's distance).
 * Samples larger than `maxSamples` are subsampled by evenly strided rows. Sums are Float64.
 *
 * @example
 * energyDistance(x, y, 2); // about 0.07 s for 2000 vs 2000 points
 */
export function energyDistance(x: Float32Array, y: Float32Array, dim: number, options: EnergyDistanceOptions = {}): number {
  const fn = 'energyDistance';
  rowCount(fn, 'x', x, dim, 2);
  rowCount(fn, 'y', y, dim, 2);
  const maxSamples = checkInteger(fn, 'maxSamples', options.maxSamples ?? DEFAULT_MAX_SAMPLES, 2);
  const xs = strideRows(x, dim, maxSamples);
  const ys = strideRows(y, dim, maxSamples);
  const n = xs.length / dim;
  const m = ys.length / dim;
  const xy = sumCrossPairs(xs, ys, dim, Math.sqrt) / (n * m);
  const xx = (2 * sumWithinPairs(xs, dim, Math.sqrt)) / (n * (n - 1));
  const yy = (2 * sumWithinPairs(ys, dim, Math.sqrt)) / (m * (m - 1));
  return 2 * xy - xx - yy;
}
