/**
 * A normalised density on the plane, for MCMC targets and tests: log p(x) and grad_x log p(x) of
 * points given row-major (x = [x1_0, x2_0, x1_1, x2_1, ...], n points, 2n values). Log densities
 * are written into a Float64Array of n values, gradients into a Float32Array of 2n values; both
 * are computed in Float64 and include every constant, so that exp(logDensity) integrates to 1.
 * Float64 positions are accepted too (finite differences, quadrature).
 *
 * A `Density` is a `Target` (core's MCMC contract) but for `normalised`, which is always true here.
 * `parameters` holds the options after defaults, so that exact samplers and references read the
 * same numbers.
 */
export interface Density<P extends object = object> {
  readonly name: string;
  readonly dim: 2;
  /** The options after defaults. */
  readonly parameters: Readonly<P>;
  /** out[i] = log p(x_i), n values. Returns `out`. */
  logDensity(x: Float32Array | Float64Array, out: Float64Array): Float64Array;
  /** out[2i], out[2i + 1] = grad log p(x_i), 2n values. Returns `out`. */
  gradLogDensity(x: Float32Array | Float64Array, out: Float32Array): Float32Array;
}
