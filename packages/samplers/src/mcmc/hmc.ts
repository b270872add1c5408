import type { Stage } from '@scoreflow/core';
import type { Chains } from './chains.js';
import { leapfrog } from './leapfrog.js';
import type { McmcOptions } from './mcmc-options.js';
import { type McmcKernel, mcmcSampler } from './mcmc-sampler.js';
import { metropolisUpdate } from './metropolis.js';
import { mcmcKernelOn } from '../wasm/wasm-mcmc.js';

/** The options of `hmc`: those of every MCMC sampler plus the number of leapfrog steps. */
export interface HmcOptions extends McmcOptions {
  /** Leapfrog steps per iteration (L); 10 by default. */
  readonly leapfrogSteps?: number;
}

/** Kinetic energy |p_i|^2 / 2 of each chain's momentum. */
function kinetic(momentum: Float64Array, i: number, dim: number): number {
  let sum = 0;
  for (let j = i * dim; j < (i + 1) * dim; j++) sum += momentum[j] * momentum[j];
  return 0.5 * sum;
}

/**
 * The HMC transition (Duane et al. 1987; Neal 2011, section 5.3.2.1) with identity mass matrix:
 * draw p ~ N(0, I), follow `leapfrogSteps` leapfrog steps of size eps from (x, p) to (x', p'),
 * accept with probability min(1, exp(H(x, p) - H(x', p'))), H(x, p) = -log p(x) + |p|^2 / 2.
 * L gradient evaluations and one density evaluation per iteration.
 */
export function hmcKernel(leapfrogSteps: number): McmcKernel {
  if (!Number.isSafeInteger(leapfrogSteps) || leapfrogSteps < 1) throw new RangeError(`hmc: leapfrogSteps must be an integer >= 1, got ${leapfrogSteps}.`);
  return {
    usesGradient: true,
    stepSize: 0.1,
    targetAcceptance: () => 0.8,
    transition(chains: Chains, iteration: number) {
      const { n, dim, x, proposal, gradient, proposalGradient, logDensity, proposalLogDensity } = chains;
      const momentum = chains.normal(chains.buffer('momentum'), iteration, 'momentum');
      const logRatio = chains.buffer('log-ratio', 1);
      for (let i = 0; i < n; i++) logRatio[i] = -logDensity[i] + kinetic(momentum, i, dim); // H(x, p)
      proposal.set(x);
      proposalGradient.set(gradient);
      leapfrog(chains, momentum, leapfrogSteps);
      chains.density(proposal, proposalLogDensity);
      for (let i = 0; i < n; i++) logRatio[i] -= -proposalLogDensity[i] + kinetic(momentum, i, dim); // - H(x', p')
      metropolisUpdate(chains, logRatio, chains.uniform(chains.buffer('u', 1), iteration, 'accept'), true);
    },
  };
}

/**
 * Hamiltonian Monte Carlo (Duane et al. 1987; Neal 2011) with one chain per particle:
 * `leapfrogSteps` (L, default 10) leapfrog steps of size eps (`stepSize`, default 0.1) per
 * iteration and a Metropolis test on the Hamiltonian (see `hmcKernel`). During warm-up each
 * chain adapts its eps by dual averaging (Hoffman and Gelman 2014, Algorithm 5) towards
 * `targetAcceptance` 0.8, and samples with its averaged eps-bar afterwards. Evaluations per
 * chain: 1 + warmup + steps densities and 1 + L (warmup + steps) gradients. On a two-component
 * mixture target in the plane the transition runs on a WebAssembly SIMD kernel (`engine`), with the
 * same bytes.
 */
export function hmc(options: HmcOptions): Stage {
  const leapfrogSteps = options.leapfrogSteps ?? 10;
  return mcmcSampler('hmc', options, mcmcKernelOn(options.engine, hmcKernel(leapfrogSteps), 'hmc', options.target, leapfrogSteps));
}
