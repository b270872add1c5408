/**
 * Segments each chain is cut into by `splitChains` when the caller does not say: 2 (halves, as
 * Vehtari et al. 2021 and ArviZ do) for several chains, and `SINGLE_CHAIN_SPLITS` = 4 for one
 * chain, whose R-hat then compares four stretches of itself rather than two.
 */
export const SINGLE_CHAIN_SPLITS = 4;

/** The default number of segments per chain: `SINGLE_CHAIN_SPLITS` for one chain, else 2. */
export const defaultSplits = (chains: number): number => (chains === 1 ? SINGLE_CHAIN_SPLITS : 2);

/**
 * Cuts each of `chains` chains of `iterations` draws (chain-major) into `splits` consecutive,
 * non-overlapping segments of n = floor(iterations / splits) draws, giving splits x chains chains
 * of n draws, chain-major: segment s of chain c is chain c splits + s. Segment s starts at draw
 * floor(s (iterations - n) / (splits - 1)), so the first starts at 0, the last ends at the last
 * draw, and the iterations mod splits left-over draws fall between segments. For `splits` = 2 these
 * are the first and last halves with the middle draw of an odd length left out, as ArviZ's
 * `_split_chains` does. Splitting lets R-hat see a chain that drifts (Gelman et al. 2013, "Bayesian
 * Data Analysis", 3rd ed., section 11.4); more segments see a drift that leaves and comes back.
 */
export function splitChains(draws: ArrayLike<number>, chains: number, iterations: number, splits = 2): Float64Array {
  const n = Math.floor(iterations / splits);
  const out = new Float64Array(splits * chains * n);
  for (let c = 0; c < chains; c++) {
    for (let s = 0; s < splits; s++) {
      const start = c * iterations + (splits === 1 ? 0 : Math.floor((s * (iterations - n)) / (splits - 1)));
      const target = (c * splits + s) * n;
      for (let i = 0; i < n; i++) out[target + i] = draws[start + i];
    }
  }
  return out;
}
