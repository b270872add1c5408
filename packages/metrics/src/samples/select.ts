/**
 * Partially sorts `values` in place so that `values[k]` is the k-th smallest (0-based) and
 * returns it: Hoare's FIND (quickselect, Hoare 1961) with a median-of-three pivot, expected O(n).
 * Equal values stop both scans, so many ties do not make it quadratic. NaN is not supported.
 */
export function selectKth(values: Float32Array | Float64Array, k: number): number {
  if (!Number.isInteger(k) || k < 0 || k >= values.length) {
    throw new RangeError(`selectKth: k must be an integer in [0, ${values.length - 1}], got ${k}.`);
  }
  let lo = 0;
  let hi = values.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // Median of three as the pivot.
    if (values[mid] < values[lo]) swap(values, mid, lo);
    if (values[hi] < values[lo]) swap(values, hi, lo);
    if (values[hi] < values[mid]) swap(values, hi, mid);
    const pivot = values[mid];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        swap(values, i, j);
        i++;
        j--;
      }
    }
    // Now values[lo..j] <= pivot <= values[i..hi], and values strictly between j and i equal the pivot.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k];
  }
  return values[k];
}

/**
 * The median of `map(v)` over `values`, for a non-decreasing `map` (identity by default): the
 * middle value, or the mean of the two middle values when the count is even. Found by
 * `selectKth`, so it reorders `values`.
 *
 * @example
 * medianInPlace(new Float64Array([9, 1, 4, 16]), Math.sqrt); // (2 + 3) / 2 = 2.5
 */
export function medianInPlace(values: Float32Array | Float64Array, map: (value: number) => number = (v) => v): number {
  const n = values.length;
  if (n === 0) throw new RangeError('medianInPlace: needs at least one value.');
  const k = (n - 1) >>> 1;
  const lower = selectKth(values, k);
  if (n % 2 === 1) return map(lower);
  let upper = Infinity;
  for (let i = k + 1; i < n; i++) if (values[i] < upper) upper = values[i];
  return (map(lower) + map(upper)) / 2;
}

function swap(values: Float32Array | Float64Array, i: number, j: number): void {
  const tmp = values[i];
  values[i] = values[j];
  values[j] = tmp;
}
