/** The sample mean of f(i) over i < n and its standard error sqrt(sample variance / n) (test support). */
export function sampleMean(n: number, f: (i: number) => number): { mean: number; se: number } {
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const v = f(i);
    sum += v;
    sumSq += v * v;
  }
  const mean = sum / n;
  return { mean, se: Math.sqrt(Math.max(sumSq / n - mean * mean, 0) / n) };
}

/**
 * Whether the sample mean of f lies within `k` standard errors (default 4) of `expected`; the
 * message says by how much when it does not (use with `expect(...).toBe('')`).
 */
export function meanMismatch(n: number, f: (i: number) => number, expected: number, what: string, k = 4): string {
  const { mean, se } = sampleMean(n, f);
  return Math.abs(mean - expected) <= k * se ? '' : `${what}: sample mean ${mean} is ${(Math.abs(mean - expected) / se).toFixed(1)} standard errors (${se}) from ${expected}`;
}
