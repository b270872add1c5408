/**
 * Squared 2-Wasserstein distance between two 1-D empirical distributions, given SORTED samples:
 * W2^2 = integral over u in (0, 1) of (F_a^-1(u) - F_b^-1(u))^2 du, where F^-1 is the empirical
 * quantile function (a step function: F_a^-1(u) = a[ceil(n u) - 1]). In 1-D the monotone
 * (quantile) coupling is optimal (Villani 2003, thm 2.18; Rabin et al. 2011). Sizes may differ:
 * both step functions are evaluated on the merged grid of breakpoints {i / n} and {j / m}, exactly,
 * with the breakpoints compared as integers (i m vs j n). With n = m it is mean((a_i - b_i)^2).
 * Sums are in Float64.
 *
 * @example
 * wasserstein2Squared1d(new Float32Array([0, 1]), new Float32Array([0, 0.5, 1])); // 1/12
 */
export function wasserstein2Squared1d(a: Float32Array | Float64Array, b: Float32Array | Float64Array): number {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) throw new RangeError(`wasserstein2Squared1d: needs non-empty samples, got ${n} and ${m} values.`);
  let total = 0;
  if (n === m) {
    for (let i = 0; i < n; i++) {
      const diff = a[i] - b[i];
      total += diff * diff;
    }
    return total / n;
  }
  // Breakpoints in units of 1 / (n m): a's i-th step ends at (i + 1) m, b's j-th at (j + 1) n.
  let i = 0;
  let j = 0;
  let previous = 0;
  while (i < n && j < m) {
    const endA = (i + 1) * m;
    const endB = (j + 1) * n;
    const end = endA < endB ? endA : endB;
    const diff = a[i] - b[j];
    total += (end - previous) * diff * diff;
    previous = end;
    if (endA === end) i++;
    if (endB === end) j++;
  }
  return total / (n * m);
}
