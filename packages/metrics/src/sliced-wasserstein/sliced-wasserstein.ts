import { checkInteger, rowCount } from '../samples/rows.js';
import { strideRows } from '../samples/stride-rows.js';
import { radixScratch, sortFloat32 } from './radix-sort.js';
import { randomDirections } from './random-directions.js';
import { wasserstein2Squared1d } from './wasserstein-1d.js';

/** Options of `slicedWasserstein`. */
export interface SlicedWassersteinOptions {
  /** Number of random directions theta (default 128). */
  readonly projections?: number;
  /** Seed of the directions (default 0): the same seed gives the same value. */
  readonly seed?: number;
  /** Use at most this many rows of each sample, evenly strided (default: all rows). */
  readonly maxSamples?: number;
}

/** Default number of projections of `slicedWasserstein`. */
export const DEFAULT_PROJECTIONS = 128;

/**
 * The sliced 2-Wasserstein distance between the sample `x` (n * dim, row-major) and the
 * reference `y` (m * dim; n and m may differ):
 *
 *   SW2(x, y) = sqrt( mean over theta of W2^2(theta . x, theta . y) ),
 *
 * a Monte Carlo estimate, over `projections` directions theta uniform on the unit sphere, of
 * SW2^2 = integral over S^(d-1) of W2^2 of the projected distributions (Rabin, Peyre, Delon and
 * Bernot 2011; Bonneel, Rabin, Peyre and Pfister 2015, eq. 5). Each 1-D W2^2 comes from sorting
 * and matching quantiles (`wasserstein2Squared1d`). Directions come from `createRng(seed)`.
 * For isotropic Gaussians N(m1, s1^2 I) and N(m2, s2^2 I) in d dimensions,
 * SW2^2 = |m1 - m2|^2 / d + (s1 - s2)^2. Projections are rounded to Float32; sums are Float64.
 * Cost: O(projections (n + m) dim) with a radix sort, about 0.3 s for 128 projections of
 * 100k vs 100k 2-D points.
 *
 * @example
 * slicedWasserstein(x, y, 2, { projections: 256, seed: 1 });
 */
export function slicedWasserstein(
  x: Float32Array,
  y: Float32Array,
  dim: number,
  options: SlicedWassersteinOptions = {},
): number {
  const fn = 'slicedWasserstein';
  rowCount(fn, 'x', x, dim);
  rowCount(fn, 'y', y, dim);
  const projections = checkInteger(fn, 'projections', options.projections ?? DEFAULT_PROJECTIONS, 1);
  const seed = checkInteger(fn, 'seed', options.seed ?? 0, 0);
  const maxSamples = options.maxSamples === undefined ? Infinity : checkInteger(fn, 'maxSamples', options.maxSamples, 1);
  const xs = strideRows(x, dim, maxSamples);
  const ys = strideRows(y, dim, maxSamples);
  const n = xs.length / dim;
  const m = ys.length / dim;
  const directions = randomDirections(projections, dim, seed);
  const px = new Float32Array(n);
  const py = new Float32Array(m);
  const scratch = radixScratch(Math.max(n, m));
  let total = 0;
  for (let k = 0; k < projections; k++) {
    const theta = directions.subarray(k * dim, (k + 1) * dim);
    sortFloat32(project(xs, theta, px), scratch);
    sortFloat32(project(ys, theta, py), scratch);
    total += wasserstein2Squared1d(px, py);
  }
  return Math.sqrt(total / projections);
}

/** Writes theta . x_i into `out[i]` for every row of `x`. */
function project(x: Float32Array, theta: Float64Array, out: Float32Array): Float32Array {
  const dim = theta.length;
  const n = out.length;
  if (dim === 2) {
    const t0 = theta[0];
    const t1 = theta[1];
    for (let i = 0; i < n; i++) out[i] = t0 * x[2 * i] + t1 * x[2 * i + 1];
    return out;
  }
  for (let i = 0; i < n; i++) {
    let dot = 0;
    for (let j = 0; j < dim; j++) dot += theta[j] * x[i * dim + j];
    out[i] = dot;
  }
  return out;
}
