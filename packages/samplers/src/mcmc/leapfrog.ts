import type { Chains } from './chains.js';

/**
 * `steps` leapfrog (Stormer-Verlet) steps of Hamiltonian dynamics with H(q, p) = -log p(q) + |p|^2 / 2
 * (Neal 2011, eqs. 5.18-5.20), for every chain with its own step size eps:
 *
 *   p <- p + (eps / 2) grad log p(q);  then `steps` times: q <- q + eps p, p <- p + eps grad log p(q)
 *   (eps / 2 on the last),
 *
 * starting from `chains.proposal` = q (with its gradient in `chains.proposalGradient`) and the
 * momenta `p`, all updated in place. Volume-preserving and reversible, so the Metropolis test on
 * H alone is exact. `steps` gradient evaluations.
 */
export function leapfrog(chains: Chains, momentum: Float64Array, steps: number): void {
  const { n, dim, proposal: q, proposalGradient: gradient, stepSize } = chains;
  for (let i = 0; i < n; i++) {
    const half = 0.5 * stepSize[i];
    for (let j = i * dim; j < (i + 1) * dim; j++) momentum[j] += half * gradient[j];
  }
  for (let l = 0; l < steps; l++) {
    for (let i = 0; i < n; i++) {
      const eps = stepSize[i];
      for (let j = i * dim; j < (i + 1) * dim; j++) q[j] += eps * momentum[j];
    }
    chains.gradientAt(q, gradient);
    const last = l === steps - 1;
    for (let i = 0; i < n; i++) {
      const kick = last ? 0.5 * stepSize[i] : stepSize[i];
      for (let j = i * dim; j < (i + 1) * dim; j++) momentum[j] += kick * gradient[j];
    }
  }
}
