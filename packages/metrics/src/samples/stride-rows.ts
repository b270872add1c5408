/** Default `maxSamples` of the pairwise metrics (`mmd2`, `energyDistance`): 2000 rows per sample. */
export const DEFAULT_MAX_SAMPLES = 2000;

/**
 * A deterministic, evenly spread subsample of at most `maxRows` rows of the row-major sample `x`:
 * row `floor(i * n / maxRows)` for i = 0 .. maxRows - 1. A sample that is small enough comes back
 * as it is (no copy). No randomness, so a metric gives the same value on the same input.
 *
 * @example
 * strideRows(new Float32Array([0, 1, 2, 3, 4, 5]), 1, 3); // Float32Array [0, 2, 4]
 */
export function strideRows(x: Float32Array, dim: number, maxRows: number): Float32Array {
  const n = x.length / dim;
  if (n <= maxRows) return x;
  const out = new Float32Array(maxRows * dim);
  for (let i = 0; i < maxRows; i++) {
    const row = Math.floor((i * n) / maxRows);
    out.set(x.subarray(row * dim, (row + 1) * dim), i * dim);
  }
  return out;
}
