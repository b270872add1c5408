import type { TargetDescription } from './accelerator.js';

/**
 * A target density for MCMC: log p(x) and its gradient, batched over particles (row-major
 * Float32Array, n * dim), written into caller-provided outputs. `normalised` says whether
 * `logDensity` includes the normalising constant (a mixture's does; a banana's may not).
 */
export interface Target {
  readonly name: string;
  readonly dim: number;
  readonly normalised: boolean;
  /** log p(x) of each particle into `out` (n values). */
  logDensity(x: Float32Array, out: Float64Array): Float64Array;
  /** grad_x log p(x) into `out` (n * dim values). */
  gradLogDensity(x: Float32Array, out: Float32Array): Float32Array;
  /** The density as data, for a device that evaluates it in its own code (`device: webgpu`); absent when it cannot be told. */
  describe?(): TargetDescription;
}
