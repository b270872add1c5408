import { withinPairSquaredDistances } from '../samples/pairwise-sums.js';
import { medianInPlace } from '../samples/select.js';

/**
 * The median heuristic for a kernel bandwidth: the median of the Euclidean distances |z_i - z_j|
 * over all pairs i < j of the rows of `pooled` (row-major, `dim` columns) (Gretton et al. 2012,
 * section 8; Garreau, Jitkrittum and Kanagawa 2017). For N rows it stores N (N - 1) / 2 squared
 * distances as Float32 (32 MB for N = 4000) and selects the median in expected linear time.
 * Returns 0 when more than half of the pairs coincide.
 */
export function medianPairwiseDistance(pooled: Float32Array, dim: number): number {
  const n = pooled.length / dim;
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`medianPairwiseDistance: needs at least 2 rows of ${dim} values, got ${pooled.length} values.`);
  const squared = withinPairSquaredDistances(pooled, dim);
  return medianInPlace(squared, Math.sqrt);
}
