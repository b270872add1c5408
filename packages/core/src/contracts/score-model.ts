import type { ScoreDescription } from './accelerator.js';
import type { DeferredScoreDescription } from './deferred-score-description.js';

/**
 * A score model: grad_x log p_t(x), the drift correction of the reverse-time SDE
 * (Anderson 1982; Song et al. 2021, eq. 6). Positions are row-major Float32Array (n * dim);
 * the score is written into `out` (same length) so that a step allocates nothing. A network
 * may return a promise.
 */
export interface ScoreModel {
  readonly name: string;
  /** Dimension of the positions it accepts. */
  readonly dim: number;
  score(x: Float32Array, t: number, out: Float32Array): void | Promise<void>;
  /**
   * The score as data, for a device that evaluates it in its own code (`device: webgpu`); absent
   * when it cannot be told. A model whose description needs its weights loaded (a network read
   * from a checkpoint) may return a `DeferredScoreDescription`: what it is now, the weights later.
   */
  describe?(): ScoreDescription | DeferredScoreDescription;
  /**
   * Optional: the divergence of the score, per particle into `out` (n values), for likelihoods
   * through the probability-flow ODE (Song et al. 2021, appendix D). Without `probe`, the exact
   * div s = tr(ds/dx) = the Laplacian of log p_t at x. With `probe` (n * dim, e.g. Rademacher
   * signs), the quadratic form probe_i^T (ds/dx)(x_i) probe_i instead: one sample of Hutchinson's
   * estimator of the trace (Hutchinson 1989; FFJORD, Grathwohl et al. 2019), which costs one
   * vector-Jacobian product where the exact trace costs dim. A model without it gets neither.
   */
  divergence?(x: Float32Array, t: number, out: Float64Array, probe?: Float32Array): void | Promise<void>;
}
