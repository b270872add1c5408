/**
 * Splits each of `chains` chains of `iterations` draws (chain-major) into its first and last
 * halves of h = floor(iterations / 2) draws, giving 2 chains chains of h draws, chain-major:
 * split chain 2c is the first half of chain c, 2c + 1 its second half. With an odd number of
 * iterations the middle draw is left out (as ArviZ's `_split_chains` does). Splitting lets R-hat
 * see a chain that drifts (Gelman et al. 2013, "Bayesian Data Analysis", 3rd ed., section 11.4).
 */
export function splitChains(draws: ArrayLike<number>, chains: number, iterations: number): Float64Array {
  const half = Math.floor(iterations / 2);
  const out = new Float64Array(2 * chains * half);
  for (let c = 0; c < chains; c++) {
    const start = c * iterations;
    for (let i = 0; i < half; i++) {
      out[2 * c * half + i] = draws[start + i];
      out[(2 * c + 1) * half + i] = draws[start + iterations - half + i];
    }
  }
  return out;
}
