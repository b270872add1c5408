import { type Rng, createRng } from '@scoreflow/core';
import { toleranceArgument } from './change-of-variables.js';
import type { DivergenceMode } from './divergence-estimator.js';
import { rademacherProbes } from './rademacher-probes.js';

/** The options that every ODE log-likelihood shares (`odeLogLikelihood`, `flowLogLikelihood`): the RK45 tolerances and the divergence. */
export interface LikelihoodSolveOptions {
  /** Relative tolerance of the RK45 steps (default 1e-5, score_sde's). */
  readonly rtol?: number;
  /** Absolute tolerance of the RK45 steps (default 1e-5). */
  readonly atol?: number;
  /** Exact divergence, Hutchinson's estimator, or by dimension (default `auto`): see `resolveDivergence`. */
  readonly divergence?: DivergenceMode;
  /** The generator of Hutchinson's probes (default seed 0); particle i gets the probe of id `first + i`. */
  readonly rng?: Rng;
  /** Id of the first particle, for the probes (default 0). */
  readonly first?: number;
  /** Which draw of probes (the keyed generator's step; default 0): another draw, another estimate. */
  readonly draw?: number;
}

/** The solve's rtol and atol (default 1e-5 each), checked to lie in (0, 1). */
export function solveTolerances(fn: string, options: LikelihoodSolveOptions): { rtol: number; atol: number } {
  return { rtol: toleranceArgument(fn, 'rtol', options.rtol ?? 1e-5), atol: toleranceArgument(fn, 'atol', options.atol ?? 1e-5) };
}

/** The Rademacher probes of the solve's n particles (`rademacherProbes`), or undefined for the exact divergence. */
export function solveProbes(options: LikelihoodSolveOptions, hutchinson: boolean, n: number, dim: number): Float32Array | undefined {
  return hutchinson ? rademacherProbes(options.rng ?? createRng(0), options.first ?? 0, n, dim, options.draw ?? 0) : undefined;
}
