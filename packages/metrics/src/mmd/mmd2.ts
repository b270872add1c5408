import { sumCrossPairs, sumWithinPairs } from '../samples/pairwise-sums.js';
import { checkInteger, rowCount } from '../samples/rows.js';
import { DEFAULT_MAX_SAMPLES, strideRows } from '../samples/stride-rows.js';
import { medianPairwiseDistance } from './median-distance.js';

/** Options of `mmd2`. */
export interface Mmd2Options {
  /** RBF bandwidth h > 0, or `'median'` (default) for the median pairwise distance of the reference rows used. */
  readonly bandwidth?: number | 'median';
  /** Use at most this many rows of each sample, evenly strided (default 2000; at least 2). */
  readonly maxSamples?: number;
}

/** What `mmd2` returns: the estimate, the bandwidth and the rows it used. */
export interface Mmd2Result {
  /** The unbiased estimate MMD_u^2 (it can be slightly negative). */
  readonly mmd2: number;
  /** The bandwidth h of the kernel exp(-|a - b|^2 / (2 h^2)). */
  readonly bandwidth: number;
  /** Rows of `x` used: min(n, maxSamples). */
  readonly rows: number;
  /** Rows of `y` used: min(m, maxSamples). */
  readonly referenceRows: number;
}

/**
 * The unbiased estimate of the squared maximum mean discrepancy between the sample `x` (n rows)
 * and the reference `y` (m rows), with the Gaussian RBF kernel k(a, b) = exp(-|a - b|^2 / (2 h^2))
 * (Gretton, Borgwardt, Rasch, Schoelkopf and Smola 2012, eq. 3):
 *
 *   MMD_u^2 = 1/(n(n-1)) sum_{i != j} k(x_i, x_j) + 1/(m(m-1)) sum_{i != j} k(y_i, y_j)
 *             - 2/(n m) sum_{i, j} k(x_i, y_j).
 *
 * Its expectation is MMD^2 = E k(X, X') + E k(Y, Y') - 2 E k(X, Y), zero iff the distributions
 * agree. Samples larger than `maxSamples` (default 2000) are subsampled by evenly strided rows
 * (deterministic). With `bandwidth: 'median'` (default), h is the median pairwise distance of the
 * reference rows used (strided to at most `MEDIAN_MAX_ROWS` rows): the median heuristic (Gretton et
 * al. 2012, section 8) on the reference alone, so that every sample measured against one
 * reference gets the same kernel and their values compare. Cost: O((n + m)^2 dim) kernel
 * evaluations, about 0.2 s for 2000 vs 2000 2-D points (4 s for 10,000 vs 10,000). Sums are Float64.
 *
 * @example
 * const { mmd2: value, bandwidth, rows, referenceRows } = mmd2(x, y, 2); // median of the reference, 2000 rows
 * mmd2(x, y, 2, { bandwidth: 0.5, maxSamples: 1000 }).mmd2;
 */
export function mmd2(x: Float32Array, y: Float32Array, dim: number, options: Mmd2Options = {}): Mmd2Result {
  const fn = 'mmd2';
  rowCount(fn, 'x', x, dim, 2);
  rowCount(fn, 'y', y, dim, 2);
  const maxSamples = checkInteger(fn, 'maxSamples', options.maxSamples ?? DEFAULT_MAX_SAMPLES, 2);
  const requested = options.bandwidth ?? 'median';
  if (requested !== 'median' && !(Number.isFinite(requested) && requested > 0)) {
    throw new RangeError(`${fn}: 'bandwidth' must be a finite number > 0 or 'median', got ${requested}.`);
  }
  const xs = strideRows(x, dim, maxSamples);
  const ys = strideRows(y, dim, maxSamples);
  const n = xs.length / dim;
  const m = ys.length / dim;
  const bandwidth = requested === 'median' ? medianBandwidth(ys, dim) : requested;
  const gamma = 1 / (2 * bandwidth * bandwidth);
  const kernel = (d2: number) => Math.exp(-gamma * d2);
  const xx = (2 * sumWithinPairs(xs, dim, kernel)) / (n * (n - 1));
  const yy = (2 * sumWithinPairs(ys, dim, kernel)) / (m * (m - 1));
  const xy = sumCrossPairs(xs, ys, dim, kernel) / (n * m);
  return { mmd2: xx + yy - 2 * xy, bandwidth, rows: n, referenceRows: m };
}

/**
 * Most reference rows the median heuristic looks at (its memory grows as the square: 32 MB here):
 * a larger reference subsample (`maxSamples` above 4000) is itself strided down to this many rows.
 */
export const MEDIAN_MAX_ROWS = 4000;

/**
 * The median heuristic on the reference rows, made safe for degenerate samples: when more than half
 * of the pairs coincide (median 0), the root mean squared pairwise distance; 1 when all points
 * coincide.
 */
function medianBandwidth(ys: Float32Array, dim: number): number {
  const rowsUsed = strideRows(ys, dim, MEDIAN_MAX_ROWS);
  const median = medianPairwiseDistance(rowsUsed, dim);
  if (median > 0) return median;
  const rows = rowsUsed.length / dim;
  const rms = Math.sqrt(sumWithinPairs(rowsUsed, dim, (d2) => d2) / ((rows * (rows - 1)) / 2));
  return rms > 0 ? rms : 1;
}
