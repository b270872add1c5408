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
}
