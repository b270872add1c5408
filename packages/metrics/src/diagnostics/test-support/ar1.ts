import { createRng } from '@scoreflow/core';

/**
 * Test support: `chains` stationary AR(1) chains of n draws, chain-major (chain c, draw i at
 * c * n + i): x_0 = e_0, x_i = rho x_{i-1} + sqrt(1 - rho^2) e_i with e standard normals from
 * `createRng(seed)` (chain c is particle id c), so every x_i ~ N(0, 1) and corr(x_i, x_{i+t}) =
 * rho^t. Its integrated autocorrelation time is tau = (1 + rho) / (1 - rho), so the ESS of S
 * draws is S (1 - rho) / (1 + rho). Chain c is then scaled by `scales[c]` and shifted by `means[c]`.
 */
export function ar1Chains(seed: number, chains: number, n: number, rho: number, means: readonly number[] = [], scales: readonly number[] = []): Float64Array {
  const x = createRng(seed).normal(new Float64Array(chains * n), { first: 0, count: chains }, n, { step: 0 });
  const innovation = Math.sqrt(1 - rho * rho);
  for (let c = 0; c < chains; c++) {
    for (let i = 1; i < n; i++) x[c * n + i] = rho * x[c * n + i - 1] + innovation * x[c * n + i];
    for (let i = 0; i < n; i++) x[c * n + i] = (means[c] ?? 0) + (scales[c] ?? 1) * x[c * n + i];
  }
  return x;
}
