/**
 * A velocity field v(x, t) on t in [0, 1]: the right-hand side of the flow ODE dx/dt = v(x, t)
 * that carries a source law at t = 0 to a target law at t = 1 (flow matching: Lipman et al. 2023;
 * rectified flow: Liu et al. 2023; Tong et al. 2024). Positions are row-major Float32Array
 * (n * dim); the velocity is written into `out` (same length, never `x`) so that a step allocates
 * nothing. A network may return a promise.
 */
export interface VelocityModel {
  readonly name: string;
  /** Dimension of the positions it accepts. */
  readonly dim: number;
  velocity(x: Float32Array, t: number, out: Float32Array): void | Promise<void>;
  /**
   * Optional: the divergence of the velocity, per particle into `out` (n values), for the flow's
   * log-likelihood by the instantaneous change of variables (Chen et al. 2018; FFJORD, Grathwohl et
   * al. 2019). Without `probe`, the exact div v = tr(dv/dx) at x. With `probe` (n * dim, e.g.
   * Rademacher signs), the quadratic form probe_i^T (dv/dx)(x_i) probe_i: one sample of Hutchinson's
   * estimator of the trace (Hutchinson 1989). The same contract as `ScoreModel.divergence`.
   */
  divergence?(x: Float32Array, t: number, out: Float64Array, probe?: Float32Array): void | Promise<void>;
}
