import type { Rng } from '../random/rng.js';

/** The affine marginal of a linear SDE: x_t | x_0 ~ N(mean * x_0, std^2 I). */
export interface Marginal {
  /** m(t): the factor on x_0. */
  readonly mean: number;
  /** s(t): the standard deviation of the added noise. */
  readonly std: number;
}

/**
 * A forward SDE `dx = f(x, t) dt + g(t) dW` on [0, T] whose drift is linear in x, so that the
 * transition from x_0 is Gaussian with an affine mean (Song et al. 2021, section 3.4 and
 * appendix B). `drift` and `diffusion` give the dynamics, `marginal` the closed-form transition,
 * `prior` the reference distribution at t = T.
 */
export interface Sde {
  /** Short name, e.g. `vp`; used in messages and metadata. */
  readonly name: string;
  /** End time of the forward process. */
  readonly T: number;
  /** Writes f(x, t) for row-major positions `x` into `out` (same length). */
  drift(x: Float32Array, t: number, out: Float32Array): void;
  /**
   * a(t) where the drift is f(x, t) = a(t) x, as for every SDE with affine marginals
   * (a = m'(t) / m(t)). Optional; samplers use it to fuse the drift into their update loop.
   */
  driftCoefficient?(t: number): number;
  /** g(t). */
  diffusion(t: number): number;
  /** Closed-form transition x_t | x_0 (m(t), s(t)). */
  marginal(t: number): Marginal;
  /**
   * Draws prior samples for the given particles: a Gaussian of mean 0 and standard deviation
   * `priorStd`. Keyed like every draw (see `Rng`), so independent of batching.
   */
  prior(out: Float32Array, ids: Uint32Array, dim: number, rng: Rng): Float32Array;
  /** Standard deviation of the prior at T, e.g. sqrt(T) for dx = dW started at 0. */
  readonly priorStd: number;
  /** log N(x; 0, priorStd^2 I) of each particle (row-major `x`, n * dim) into `out` (n). */
  priorLogDensity(x: Float32Array, dim: number, out: Float64Array): Float64Array;
}
