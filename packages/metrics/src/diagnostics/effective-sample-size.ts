import { autocovariance } from './autocovariance.js';

/**
 * The effective sample size of `chains` chains of n draws each (chain-major), as they are (no
 * splitting, no ranks), by Geyer's initial monotone sequence estimator in the multi-chain form of
 * Vehtari et al. (2021, section 3.2; Stan's and ArviZ's `_ess`, whose steps this follows):
 *
 *     gamma_{m,t} = autocovariance of chain m at lag t (divisor n, by FFT: `autocovariance`)
 *     W = (1/M) sum_m gamma_{m,0} n / (n - 1),   var+ = (n - 1) / n W + var(chain means)  (M > 1)
 *     rho_t = 1 - (W - (1/M) sum_m gamma_{m,t}) / var+
 *
 * Pairs P_k = rho_{2k} + rho_{2k+1} are summed while positive (Geyer's initial positive sequence,
 * Geyer 1992, "Practical Markov chain Monte Carlo", Statistical Science 7), made non-increasing
 * (initial monotone sequence), and
 *
 *     tau = -1 + 2 sum_{t <= 2K+1} rho_t (+ rho_{2K+2} when positive),   ESS = M n / max(tau, 1 / log10(M n))
 *
 * (the cap keeps the ESS of antithetic chains below M n log10(M n)). NaN when all draws are equal
 * (ArviZ returns M n there) or a draw is NaN. Needs n >= 2.
 */
export function effectiveSampleSize(draws: ArrayLike<number>, chains: number, n: number): number {
  const size = chains * n;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < size; i++) {
    const v = draws[i];
    if (Number.isNaN(v)) return Number.NaN;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (max - min < 1e-15 * Math.max(1, Math.abs(max))) return Number.NaN;

  // Mean over chains of the autocovariance at each lag, and the variance of the chain means.
  const meanAcov = new Float64Array(n);
  const acov = new Float64Array(n);
  const means = new Float64Array(chains);
  for (let c = 0; c < chains; c++) {
    autocovariance(draws, c * n, n, acov);
    for (let t = 0; t < n; t++) meanAcov[t] += acov[t] / chains;
    let mean = 0;
    for (let i = 0; i < n; i++) mean += draws[c * n + i];
    means[c] = mean / n;
  }
  const meanVar = (meanAcov[0] * n) / (n - 1);
  let varPlus = (meanVar * (n - 1)) / n;
  if (chains > 1) {
    let grand = 0;
    for (let c = 0; c < chains; c++) grand += means[c];
    grand /= chains;
    let squares = 0;
    for (let c = 0; c < chains; c++) squares += (means[c] - grand) ** 2;
    varPlus += squares / (chains - 1);
  }
  const rho = (t: number) => 1 - (meanVar - meanAcov[t]) / varPlus;

  const rhoHat = new Float64Array(n);
  let even = 1;
  let odd = rho(1);
  rhoHat[0] = even;
  rhoHat[1] = odd;
  // Geyer's initial positive sequence.
  let t = 1;
  while (t < n - 3 && even + odd > 0) {
    even = rho(t + 1);
    odd = rho(t + 2);
    if (even + odd >= 0) {
      rhoHat[t + 1] = even;
      rhoHat[t + 2] = odd;
    }
    t += 2;
  }
  const maxT = t - 2;
  if (even > 0) rhoHat[maxT + 1] = even;
  // Geyer's initial monotone sequence.
  for (t = 1; t <= maxT - 2; t += 2) {
    if (rhoHat[t + 1] + rhoHat[t + 2] > rhoHat[t - 1] + rhoHat[t]) {
      rhoHat[t + 1] = (rhoHat[t - 1] + rhoHat[t]) / 2;
      rhoHat[t + 2] = rhoHat[t + 1];
    }
  }
  let sum = 0;
  for (t = 0; t <= maxT; t++) sum += rhoHat[t];
  let tau = -1 + 2 * sum + (maxT + 1 < n ? rhoHat[maxT + 1] : 0);
  tau = Math.max(tau, 1 / Math.log10(size));
  return size / tau;
}
