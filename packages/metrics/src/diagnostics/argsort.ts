/**
 * The permutation that sorts `values` ascending (stable: equal values keep their order), by a
 * bottom-up merge sort that moves keys and indices together, so that every pass reads and writes
 * memory in order: O(n log n). NaN sorts last.
 */
export function argsort(values: ArrayLike<number>): Uint32Array {
  const n = values.length;
  let keys = Float64Array.from(values, (v) => (Number.isNaN(v) ? Infinity : v));
  let order = new Uint32Array(n);
  let keysOut = new Float64Array(n);
  let orderOut = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let width = 1; width < n; width *= 2) {
    for (let start = 0; start < n; start += 2 * width) {
      const mid = Math.min(start + width, n);
      const end = Math.min(start + 2 * width, n);
      let a = start;
      let b = mid;
      let k = start;
      while (a < mid && b < end) {
        if (keys[b] < keys[a]) {
          keysOut[k] = keys[b];
          orderOut[k++] = order[b++];
        } else {
          keysOut[k] = keys[a];
          orderOut[k++] = order[a++];
        }
      }
      for (; a < mid; a++, k++) {
        keysOut[k] = keys[a];
        orderOut[k] = order[a];
      }
      for (; b < end; b++, k++) {
        keysOut[k] = keys[b];
        orderOut[k] = order[b];
      }
    }
    [keys, keysOut] = [keysOut, keys];
    [order, orderOut] = [orderOut, order];
  }
  return order;
}
