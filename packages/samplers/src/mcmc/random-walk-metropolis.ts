import type { Stage } from '@scoreflow/core';
import type { Chains } from './chains.js';
import type { McmcOptions } from './mcmc-options.js';
import { type McmcKernel, mcmcSampler } from './mcmc-sampler.js';
import { metropolisUpdate } from './metropolis.js';
import { mcmcKernelOn } from '../wasm/wasm-mcmc.js';

/**
 * The optimal acceptance rate of random-walk Metropolis: 0.234 as the dimension grows (Roberts,
 * Gelman and Gilks 1997, for product targets), about 0.44 in one dimension (Gelman, Roberts and
 * Gilks 1996).
 */
export const rwmTargetAcceptance = (dim: number): number => (dim === 1 ? 0.44 : 0.234);

/**
 * The random-walk Metropolis transition (Metropolis et al. 1953): x' = x + s z, z ~ N(0, I), with
 * the chain's step size s; the proposal is symmetric, so it is accepted with probability
 * min(1, p(x') / p(x)). One density evaluation per iteration.
 */
export const randomWalkKernel: McmcKernel = {
  usesGradient: false,
  stepSize: 0.5,
  targetAcceptance: rwmTargetAcceptance,
  transition(chains: Chains, iteration: number) {
    const { n, dim, x, proposal, stepSize, logDensity, proposalLogDensity } = chains;
    const z = chains.normal(chains.buffer('z'), iteration, 'proposal');
    for (let i = 0; i < n; i++) {
      const s = stepSize[i];
      for (let j = i * dim; j < (i + 1) * dim; j++) proposal[j] = x[j] + s * z[j];
    }
    chains.density(proposal, proposalLogDensity);
    const logRatio = chains.buffer('log-ratio', 1);
    for (let i = 0; i < n; i++) logRatio[i] = proposalLogDensity[i] - logDensity[i];
    metropolisUpdate(chains, logRatio, chains.uniform(chains.buffer('u', 1), iteration, 'accept'), false);
  },
};

/**
 * Random-walk Metropolis with one chain per particle (Metropolis et al. 1953): each iteration
 * proposes x' = x + stepSize z and accepts with probability min(1, p(x') / p(x)). During warm-up
 * each chain adapts its own step size by dual averaging towards `targetAcceptance` (0.44 in 1-D,
 * 0.234 otherwise: Roberts, Gelman and Gilks 1997). Initial `stepSize` 0.5. Evaluations per
 * chain: 1 + warmup + steps densities, no gradients. On a two-component mixture target in the
 * plane the transition runs on a WebAssembly SIMD kernel (`engine`), with the same bytes.
 *
 * @example
 * priorSource(sde, 2).sample(ctx).pipe(randomWalkMetropolis({ target, rng: ctx.rng, warmup: 500, steps: 1000 }))
 */
export function randomWalkMetropolis(options: McmcOptions): Stage {
  return mcmcSampler('random-walk-metropolis', options, mcmcKernelOn(options.engine, randomWalkKernel, 'random-walk-metropolis', options.target));
}
