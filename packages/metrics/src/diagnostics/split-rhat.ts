import { checkDraws, hasNaN } from './check-draws.js';
import { potentialScaleReduction } from './potential-scale-reduction.js';
import { rankNormalise } from './rank-normalise.js';
import { defaultSplits, splitChains } from './split-chains.js';

/**
 * The rank-normalised split R-hat of Vehtari, Gelman, Simpson, Carpenter and Buerkner (2021,
 * "Rank-normalization, folding, and localization: an improved R-hat for assessing convergence of
 * MCMC", Bayesian Analysis 16, section 4.2), as ArviZ's `rhat(method="rank")` computes it:
 *
 *     split each chain into `splits` segments (`splitChains`; halves by default), then
 *     R-hat_bulk   = R-hat of rankNormalise(split draws)
 *     R-hat_folded = R-hat of rankNormalise(|split draws - median(split draws)|)
 *     R-hat        = max(R-hat_bulk, R-hat_folded)
 *
 * with R-hat = sqrt(var+ / W) of `potentialScaleReduction`. The bulk part sees chains at different
 * locations, the folded part chains of different scales; ranks make it work for heavy tails. The
 * paper recommends using draws only when R-hat < 1.01.
 *
 * `draws` are chain-major: chain c, iteration i at `c * iterations + i`. Needs chains >= 1 and
 * iterations >= 2 splits. `splits` defaults to `defaultSplits(chains)`: 2 for several chains (as
 * ArviZ), 4 for one chain, which is compared with itself, quarter against quarter (ArviZ asks for
 * 2 chains): one chain's R-hat sees a drift that leaves and comes back, but never a mode the chain
 * did not visit. NaN
 * when a draw is NaN or all draws are equal; Infinity when every split chain is constant but not
 * all alike. A part whose values are all equal (0 / 0) carries no information and is left out of
 * the maximum.
 */
export function splitRhat(draws: ArrayLike<number>, chains: number, iterations: number, splits = defaultSplits(chains)): number {
  checkDraws('splitRhat', draws, chains, iterations, splits);
  if (hasNaN(draws)) return Number.NaN;
  const split = splitChains(draws, chains, iterations, splits);
  return rankRhat(split, rankNormalise(split), splits * chains, Math.floor(iterations / splits));
}

/**
 * The classic split R-hat (Gelman et al. 2013, "Bayesian Data Analysis", 3rd ed., section 11.4):
 * `potentialScaleReduction` of the split chains, on the draws themselves (no ranks, no folding).
 * Same layout, `splits`, shape checks and NaN rules as `splitRhat`. It misses chains that differ only in
 * scale and is unreliable for heavy tails; `splitRhat` is the one to report.
 */
export function splitRhatClassic(draws: ArrayLike<number>, chains: number, iterations: number, splits = defaultSplits(chains)): number {
  checkDraws('splitRhatClassic', draws, chains, iterations, splits);
  if (hasNaN(draws)) return Number.NaN;
  return potentialScaleReduction(splitChains(draws, chains, iterations, splits), splits * chains, Math.floor(iterations / splits));
}

/**
 * max(R-hat_bulk, R-hat_folded) of split chains (`count` chains of `n` draws) whose rank-normalised
 * values `z` are already known (`chainDiagnostics` shares them with the ESS).
 */
export function rankRhat(split: Float64Array, z: Float64Array, count: number, n: number): number {
  const bulk = potentialScaleReduction(z, count, n);
  const sorted = Float64Array.from(split).sort();
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  const folded = potentialScaleReduction(rankNormalise(split.map((v) => Math.abs(v - median))), count, n);
  if (Number.isNaN(bulk)) return folded;
  if (Number.isNaN(folded)) return bulk;
  return Math.max(bulk, folded);
}
