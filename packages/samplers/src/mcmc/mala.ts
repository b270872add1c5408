import type { Stage } from '@scoreflow/core';
import type { Chains } from './chains.js';
import type { McmcOptions } from './mcmc-options.js';
import { type McmcKernel, mcmcSampler } from './mcmc-sampler.js';
import { metropolisUpdate } from './metropolis.js';
import { mcmcKernelOn } from '../wasm/wasm-mcmc.js';

/**
 * The MALA transition (Roberts and Tweedie 1996, eq. 2.3 with the Metropolis correction of
 * section 4): with the chain's step size h,
 *
 *   x' = x + (h / 2) grad log p(x) + sqrt(h) z,   z ~ N(0, I),
 *
 * the Euler step of the Langevin diffusion dx = (1/2) grad log p dt + dW, accepted with
 * probability min(1, p(x') q(x | x') / (p(x) q(x' | x))), where
 * log q(y | x) = -|y - x - (h / 2) grad log p(x)|^2 / (2h) + const. One density and one gradient
 * evaluation per iteration (at x'; the current state's are kept).
 */
export const malaKernel: McmcKernel = {
  usesGradient: true,
  stepSize: 0.1,
  targetAcceptance: () => 0.574,
  transition(chains: Chains, iteration: number) {
    const { n, dim, x, proposal, stepSize, logDensity, gradient, proposalLogDensity, proposalGradient } = chains;
    const z = chains.normal(chains.buffer('z'), iteration, 'proposal');
    for (let i = 0; i < n; i++) {
      const h = stepSize[i];
      const noise = Math.sqrt(h);
      for (let j = i * dim; j < (i + 1) * dim; j++) proposal[j] = x[j] + 0.5 * h * gradient[j] + noise * z[j];
    }
    chains.density(proposal, proposalLogDensity);
    chains.gradientAt(proposal, proposalGradient);
    const logRatio = chains.buffer('log-ratio', 1);
    for (let i = 0; i < n; i++) {
      const h = stepSize[i];
      let forward = 0; // |x' - x - (h/2) g(x)|^2
      let backward = 0; // |x - x' - (h/2) g(x')|^2
      for (let j = i * dim; j < (i + 1) * dim; j++) {
        const step = proposal[j] - x[j];
        forward += (step - 0.5 * h * gradient[j]) ** 2;
        backward += (step + 0.5 * h * proposalGradient[j]) ** 2;
      }
      logRatio[i] = proposalLogDensity[i] - logDensity[i] + (forward - backward) / (2 * h);
    }
    metropolisUpdate(chains, logRatio, chains.uniform(chains.buffer('u', 1), iteration, 'accept'), true);
  },
};

/**
 * The Metropolis-adjusted Langevin algorithm (Roberts and Tweedie 1996) with one chain per
 * particle: Langevin proposals x' = x + (h / 2) grad log p(x) + sqrt(h) z with the asymmetric
 * Metropolis-Hastings correction q(x | x') / q(x' | x) (see `malaKernel`). `stepSize` is h
 * (default 0.1), adapted per chain during warm-up towards `targetAcceptance` 0.574, the optimal
 * rate in high dimension (Roberts and Rosenthal 1998). Evaluations per chain: 1 + warmup + steps
 * densities and as many gradients. On a two-component mixture target in the plane the transition
 * runs on a WebAssembly SIMD kernel (`engine`), with the same bytes.
 */
export function mala(options: McmcOptions): Stage {
  return mcmcSampler('mala', options, mcmcKernelOn(options.engine, malaKernel, 'mala', options.target));
}
