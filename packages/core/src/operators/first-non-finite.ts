/** Index of the first NaN or infinite value in `x`, or -1. A sum is tested first: one pass when all is well. */
export function firstNonFinite(x: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += x[i] * 0;
  if (sum === 0) return -1;
  for (let i = 0; i < x.length; i++) if (!Number.isFinite(x[i])) return i;
  return -1;
}
