/**
 * Inverse-CDF choice of a mixture component: `cumulativeWeights(w)[k] = (w_0 + ... + w_k) / sum(w)`
 * (the last entry exactly 1), and `pickComponent(cumulative, u)` is the smallest k with
 * `u < cumulative[k]`, so a uniform u in (0, 1) picks k with probability w_k / sum(w).
 */

/** Cumulative normalised weights; the last entry is set to exactly 1 to absorb rounding. */
export function cumulativeWeights(weights: ArrayLike<number>): Float64Array {
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  for (let k = 0; k < weights.length; k++) {
    const w = weights[k];
    if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`cumulativeWeights: weights[${k}] must be a finite number >= 0, got ${w}.`);
    total += w;
    cumulative[k] = total;
  }
  if (!(total > 0)) throw new RangeError('cumulativeWeights: the weights must not all be 0.');
  for (let k = 0; k < cumulative.length; k++) cumulative[k] /= total;
  cumulative[cumulative.length - 1] = 1;
  return cumulative;
}

/** The smallest k with `u < cumulative[k]` (binary search), for u in [0, 1). */
export function pickComponent(cumulative: Float64Array, u: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (u < cumulative[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
