import type { Chains } from './chains.js';

/**
 * The Metropolis-Hastings accept step (Metropolis et al. 1953; Hastings 1970), per chain: with
 * `logRatio[i]` = log [p(x') q(x | x')] - log [p(x) q(x' | x)] (for HMC, H(x, p) - H(x', p')),
 * the proposal is accepted when log u < logRatio, u ~ U(0, 1), i.e. with probability
 * alpha = min(1, exp(logRatio)). A NaN ratio (a proposal outside the support, a divergent
 * trajectory) is a rejection with alpha = 0. Accepted chains take the proposal's position, log
 * density and, with `withGradient`, gradient. Writes `chains.alpha` and `chains.accepted`.
 */
export function metropolisUpdate(chains: Chains, logRatio: Float64Array, uniforms: Float64Array, withGradient: boolean): void {
  const { n, dim, x, proposal, logDensity, proposalLogDensity, gradient, proposalGradient, alpha, accepted } = chains;
  for (let i = 0; i < n; i++) {
    const log = logRatio[i];
    alpha[i] = log >= 0 ? 1 : log < 0 ? Math.exp(log) : 0;
    const accept = Math.log(uniforms[i]) < log;
    accepted[i] = accept ? 1 : 0;
    if (!accept) continue;
    logDensity[i] = proposalLogDensity[i];
    const offset = i * dim;
    for (let j = offset; j < offset + dim; j++) x[j] = proposal[j];
    if (withGradient) for (let j = offset; j < offset + dim; j++) gradient[j] = proposalGradient[j];
  }
}
