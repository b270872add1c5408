import type { Rng, Target } from '@scoreflow/core';
import type { CpuEngine } from '../wasm/wasm-euler-maruyama.js';

/** What an MCMC stage reports per input batch, each value per chain (averaged over the batch's chains). */
export interface McmcStats {
  /** Post-warm-up acceptance rate: accepted proposals / post-warm-up iterations, averaged over chains. */
  readonly acceptance: number;
  /** Evaluations of log p plus evaluations of grad log p per chain, warm-up and the initial state included. */
  readonly evaluations: number;
  /** Evaluations of log p per chain. */
  readonly densityEvaluations: number;
  /** Evaluations of grad log p per chain (the unit a diffusion sampler's NFE counts). */
  readonly gradientEvaluations: number;
  /** Step size after warm-up (the adapted one, or the fixed one), averaged over chains. */
  readonly stepSize: number;
  /** Chains in the batch. */
  readonly particles: number;
}

/**
 * The options every MCMC sampler takes. Each input particle is one chain's initial state: the
 * pipeline's source sets the initialisation (the prior, a data source, a point); `init.point`
 * overrides it with one fixed point for every chain.
 */
export interface McmcOptions {
  /** The density to sample: log p and grad log p over a batch of chains. */
  readonly target: Target;
  /** The run's random source (`ctx.rng`): draws are keyed by chain id, iteration and stream. */
  readonly rng: Rng;
  /** Warm-up iterations, during which the step size adapts; not emitted unless `includeWarmup`. 500 by default. */
  readonly warmup?: number;
  /** Post-warm-up iterations; 1000 by default. */
  readonly steps?: number;
  /** Emit a snapshot every `thin` post-warm-up iterations (and after the last); 1 by default. */
  readonly thin?: number;
  /** Also emit the initial state and every `thin`-th warm-up iteration, at negative steps; false by default. */
  readonly includeWarmup?: boolean;
  /** Start every chain at this point instead of the input positions. */
  readonly init?: { readonly point: readonly number[] };
  /** Initial step size (the sampler's own default); per chain, adapted during warm-up when `adapt`. */
  readonly stepSize?: number;
  /** Adapt each chain's step size during warm-up by dual averaging; true by default. */
  readonly adapt?: boolean;
  /** Acceptance rate the adaptation aims at; the sampler's own default. */
  readonly targetAcceptance?: number;
  readonly signal?: AbortSignal;
  /**
   * On the CPU: `auto` (default) runs the transition on the WebAssembly SIMD kernel where it applies
   * (a two-component Gaussian mixture target in the plane; the same bytes), else TypeScript;
   * `typescript`; or `wasm`, which throws where the kernel does not apply (`wasmMcmcUnfit`).
   */
  readonly engine?: CpuEngine;
  /** Names the stage in errors and keys its random streams; the sampler's name by default. */
  readonly name?: string;
  /** Told after each input batch what its chains did. */
  readonly onBatchDone?: (stats: McmcStats) => void;
}
