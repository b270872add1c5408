import { type ParticleIds, type Rng, type Target, compactIds, streamId } from '@scoreflow/core';

/**
 * The state of a batch of MCMC chains, one chain per particle, as a kernel sees it: the current
 * positions with their log density (and gradient, for gradient-based kernels), one step size per
 * chain, proposal buffers, counted target evaluations and keyed random draws.
 */
export interface Chains {
  /** Number of chains. */
  readonly n: number;
  readonly dim: number;
  /** Current positions, row-major (n * dim), advanced in place. */
  readonly x: Float32Array;
  /** log p(x) of each chain. */
  readonly logDensity: Float64Array;
  /** grad log p(x) (n * dim); kept up to date only for kernels that use the gradient. */
  readonly gradient: Float32Array;
  /** Step size of each chain. */
  readonly stepSize: Float64Array;
  /** Proposed positions, their log density and gradient (the kernel fills them). */
  readonly proposal: Float32Array;
  readonly proposalLogDensity: Float64Array;
  readonly proposalGradient: Float32Array;
  /** Acceptance probability of each chain's last proposal, min(1, exp(log alpha)); 0 for NaN. */
  readonly alpha: Float64Array;
  /** 1 where the last proposal was accepted. */
  readonly accepted: Uint8Array;
  /** log p at `x` into `out`, counting one density evaluation per chain. */
  density(x: Float32Array, out: Float64Array): Float64Array;
  /** grad log p at `x` into `out`, counting one gradient evaluation per chain. */
  gradientAt(x: Float32Array, out: Float32Array): Float32Array;
  /** Standard normals, `dim` per chain, keyed by chain id, `iteration` and the stream of `use` (e.g. 'momentum'). */
  normal(out: Float64Array, iteration: number, use: string): Float64Array;
  /** Uniforms in (0, 1), one per chain, keyed by chain id, `iteration` and the stream of `use`. */
  uniform(out: Float64Array, iteration: number, use: string): Float64Array;
  /** A Float64Array of n * width values per name (width = dim by default), allocated on first use and kept for the batch. */
  buffer(name: string, width?: number): Float64Array;
  /** Evaluations per chain so far. */
  readonly counts: { densities: number; gradients: number };
  /** What a kernel that draws its own numbers needs (the WebAssembly transitions): the chains' ids as the draws key them, the random source, and the stream of a use. */
  readonly draws: { readonly ids: ParticleIds; readonly rng: Rng; stream(use: string): number };
}

/**
 * The chains of one batch: `x` is taken over (not copied), every other buffer is allocated here.
 * Random streams are `streamId('<stage>:<use>')`, so each use of each stage draws its own numbers.
 */
export function createChains(stage: string, target: Target, rng: Rng, x: Float32Array, ids: Uint32Array, dim: number, stepSize: number): Chains {
  const n = ids.length;
  const keys: ParticleIds = compactIds(ids);
  const buffers = new Map<string, Float64Array>();
  const streams = new Map<string, number>();
  const stream = (use: string): number => {
    let id = streams.get(use);
    if (id === undefined) streams.set(use, (id = streamId(`${stage}:${use}`)));
    return id;
  };
  const counts = { densities: 0, gradients: 0 };
  return {
    n,
    dim,
    x,
    logDensity: new Float64Array(n),
    gradient: new Float32Array(n * dim),
    stepSize: new Float64Array(n).fill(stepSize),
    proposal: new Float32Array(n * dim),
    proposalLogDensity: new Float64Array(n),
    proposalGradient: new Float32Array(n * dim),
    alpha: new Float64Array(n),
    accepted: new Uint8Array(n),
    counts,
    density(at, out) {
      counts.densities++;
      return target.logDensity(at, out);
    },
    gradientAt(at, out) {
      counts.gradients++;
      return target.gradLogDensity(at, out);
    },
    normal: (out, iteration, use) => rng.normal(out, keys, dim, { step: iteration, stream: stream(use) }),
    uniform: (out, iteration, use) => rng.uniform(out, keys, 1, { step: iteration, stream: stream(use) }),
    draws: { ids: keys, rng, stream },
    buffer(name, width = dim) {
      let buffer = buffers.get(name);
      if (buffer === undefined) buffers.set(name, (buffer = new Float64Array(n * width)));
      return buffer;
    },
  };
}
