/**
 * The potential scale reduction factor R-hat of `chains` chains of n draws each (chain-major), as
 * is, without splitting or ranks (Gelman and Rubin 1992; Gelman et al. 2013, "Bayesian Data
 * Analysis", 3rd ed., eqs. 11.2-11.4):
 *
 *     B = n / (M - 1) sum_m (xbar_m - xbar)^2          between-chain variance
 *     W = (1/M) sum_m s_m^2,  s_m^2 = 1/(n - 1) sum_i (x_mi - xbar_m)^2   within-chain variance
 *     var+ = (n - 1) / n W + B / n,   R-hat = sqrt(var+ / W)
 *
 * Needs M >= 2 and n >= 2. Constant chains that differ from each other give Infinity (W = 0,
 * B > 0); all draws equal give NaN (0 / 0).
 */
export function potentialScaleReduction(draws: ArrayLike<number>, chains: number, n: number): number {
  const means = new Float64Array(chains);
  let within = 0;
  let grand = 0;
  for (let c = 0; c < chains; c++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += draws[c * n + i];
    mean /= n;
    let squares = 0;
    for (let i = 0; i < n; i++) squares += (draws[c * n + i] - mean) ** 2;
    within += squares / (n - 1);
    means[c] = mean;
    grand += mean;
  }
  within /= chains;
  grand /= chains;
  let between = 0;
  for (let c = 0; c < chains; c++) between += (means[c] - grand) ** 2;
  between = (n * between) / (chains - 1);
  return Math.sqrt((between / within + n - 1) / n);
}
