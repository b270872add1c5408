const LOG_2PI = Math.log(2 * Math.PI);

/**
 * log N(x_i; 0, I) = -(dim log 2 pi + |x_i|^2) / 2 of each particle of `x` (row-major n * dim) into
 * `out` (n values), in double precision: the source density of a flow that starts from N(0, I)
 * (FM, Lipman et al. 2023; `flowLogLikelihood`'s default). Returns `out`.
 */
export function standardNormalLogDensity(x: Float64Array | Float32Array, dim: number, out: Float64Array): Float64Array {
  for (let i = 0; i < out.length; i++) {
    let squares = 0;
    for (let j = 0; j < dim; j++) squares += x[i * dim + j] ** 2;
    out[i] = -0.5 * (dim * LOG_2PI + squares);
  }
  return out;
}
