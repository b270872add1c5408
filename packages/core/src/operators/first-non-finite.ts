/**
 * Index of the first NaN or infinite value in `x`, or -1. A sum of x * 0 (0 for finite values,
 * NaN otherwise) is tested first, with two accumulators to break the addition's latency chain:
 * one pass when all is well.
 */
export function firstNonFinite(x: Float32Array): number {
  let even = 0;
  let odd = 0;
  const n = x.length;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    even += x[i] * 0;
    odd += x[i + 1] * 0;
  }
  if (i < n) even += x[i] * 0;
  if (even + odd === 0) return -1;
  for (let j = 0; j < n; j++) if (!Number.isFinite(x[j])) return j;
  return -1;
}
