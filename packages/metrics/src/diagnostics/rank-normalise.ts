import { argsort } from './argsort.js';
import { normalQuantile } from './normal-quantile.js';

/**
 * Rank normalisation (Vehtari, Gelman, Simpson, Carpenter and Buerkner 2021, "Rank-normalization,
 * folding, and localization: an improved R-hat for assessing convergence of MCMC", Bayesian
 * Analysis 16, eq. 14): each value is replaced by
 *
 *     z = Phi^{-1}((r - 3/8) / (S + 1/4))
 *
 * where r is its rank among all S values pooled (1 = smallest; tied values get the average of
 * their ranks, as `scipy.stats.rankdata(method="average")`) and 3/8 is Blom's offset. The result
 * has normal scores whatever the law of the draws, so R-hat and ESS also work for heavy tails.
 * O(S log S) (`argsort`). Returns a new array.
 */
export function rankNormalise(values: ArrayLike<number>): Float64Array {
  const size = values.length;
  const order = argsort(values);
  const z = new Float64Array(size);
  let first = 0;
  while (first < size) {
    // Positions first .. last of the sorted order hold equal values: ranks first + 1 .. last + 1.
    let last = first;
    while (last + 1 < size && values[order[last + 1]] === values[order[first]]) last++;
    const score = normalQuantile(((first + last) / 2 + 1 - 3 / 8) / (size + 1 / 4));
    for (let k = first; k <= last; k++) z[order[k]] = score;
    first = last + 1;
  }
  return z;
}
