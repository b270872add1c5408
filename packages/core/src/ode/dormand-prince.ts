/**
 * The Butcher tableau of Dormand and Prince (1980), "A family of embedded Runge-Kutta formulae",
 * J. Comput. Appl. Math. 6(1), table 2: RK5(4)7FSAL, the pair of scipy's `RK45` and MATLAB's
 * `ode45`. Seven stages, of which the last is the derivative at the new point and is reused as the
 * first stage of the next step (first same as last). Written as in scipy.integrate's `RK45`.
 */
export const DORMAND_PRINCE = {
  /** c_i: stage i is evaluated at t + c_i h. */
  c: [0, 1 / 5, 3 / 10, 4 / 5, 8 / 9, 1, 1],
  /** a_ij, j < i: stage i is evaluated at x + h sum_j a_ij k_j (row i, for stages 2..6). */
  a: [
    [],
    [1 / 5],
    [3 / 40, 9 / 40],
    [44 / 45, -56 / 15, 32 / 9],
    [19372 / 6561, -25360 / 2187, 64448 / 6561, -212 / 729],
    [9017 / 3168, -355 / 33, 46732 / 5247, 49 / 176, -5103 / 18656],
  ],
  /** b_j: the fifth-order solution x + h sum_j b_j k_j (stages 1..6). */
  b: [35 / 384, 0, 500 / 1113, 125 / 192, -2187 / 6784, 11 / 84],
  /** e_j: the local error estimate h sum_j e_j k_j, fifth minus fourth order (stages 1..7). */
  e: [-71 / 57600, 0, 71 / 16695, -71 / 1920, 17253 / 339200, -22 / 525, 1 / 40],
  /** Order of the error estimate: the step grows as err^(-1 / (order + 1)). */
  errorOrder: 4,
} as const;

/** A state vector of an ODE solved here: Float32 (particle positions) or Float64 (likelihoods). */
export type OdeVector = Float32Array | Float64Array;

/**
 * out = x + h sum_j w_j k_j over the first `w.length` stages, skipping zero weights: a stage
 * point or the new solution of an explicit Runge-Kutta step. `out` may not be one of `k`. Each
 * term is accumulated in `out` (so Float32 vectors round after every term).
 */
export function combineStages<V extends OdeVector>(out: V, x: V, h: number, w: readonly number[], k: readonly V[]): void {
  const n = x.length;
  out.set(x);
  for (let j = 0; j < w.length; j++) {
    const weight = h * w[j];
    if (weight === 0) continue;
    const kj = k[j];
    for (let i = 0; i < n; i++) out[i] += weight * kj[i];
  }
}
