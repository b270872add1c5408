/**
 * Systematic resampling (Kitagawa 1996; Douc, Cappé and Moulines 2005): with one uniform u in
 * (0, 1), particle j of the new population is the ancestor i whose cumulative weight interval
 * [C_{i-1}, C_i) holds (j + u) / N. Each ancestor i gets floor or ceil of N W_i copies (the lowest
 * variance of the standard schemes), in index order. `weights` sum to 1; writes N ancestor indices
 * into `ancestors` and returns it.
 */
export function systematicResampling(weights: Float64Array, u: number, ancestors: Uint32Array): Uint32Array {
  if (!(u >= 0 && u < 1)) throw new RangeError(`systematicResampling: u must be in [0, 1), got ${u}.`);
  const n = ancestors.length;
  let cumulative = weights[0];
  let i = 0;
  for (let j = 0; j < n; j++) {
    const point = (j + u) / n;
    while (point >= cumulative && i < weights.length - 1) cumulative += weights[++i];
    ancestors[j] = i;
  }
  return ancestors;
}
