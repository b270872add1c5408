import { checkDraws, hasNaN } from './check-draws.js';
import { effectiveSampleSize } from './effective-sample-size.js';
import { rankNormalise } from './rank-normalise.js';
import { defaultSplits, splitChains } from './split-chains.js';

/**
 * The bulk effective sample size of Vehtari, Gelman, Simpson, Carpenter and Buerkner (2021,
 * "Rank-normalization, folding, and localization: an improved R-hat for assessing convergence of
 * MCMC", Bayesian Analysis 16, section 4.3), as ArviZ's `ess(method="bulk")`:
 *
 *     bulkEss = effectiveSampleSize(rankNormalise(splitChains(draws, splits)), splits chains, floor(iterations / splits))
 *
 * Geyer's initial monotone sequence estimator on the rank-normalised split chains; autocovariances
 * by zero-padded radix-2 FFT, O(n log n) per chain. About the number of draws for independent
 * draws, n (1 - rho) / (1 + rho) for an AR(1) chain with coefficient rho. With an odd number of
 * iterations the middle draw of each chain is left out.
 *
 * `draws` are chain-major: chain c, iteration i at `c * iterations + i`. Needs chains >= 1,
 * iterations >= 2 splits. `splits` (segments per chain) defaults to `defaultSplits(chains)`: 2, or
 * 4 for one chain, as `splitRhat`. NaN when a draw is NaN or all draws are equal.
 */
export function bulkEss(draws: ArrayLike<number>, chains: number, iterations: number, splits = defaultSplits(chains)): number {
  checkDraws('bulkEss', draws, chains, iterations, splits);
  if (hasNaN(draws)) return Number.NaN;
  return effectiveSampleSize(rankNormalise(splitChains(draws, chains, iterations, splits)), splits * chains, Math.floor(iterations / splits));
}
