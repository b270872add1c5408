import type { LinearObservation } from '@scoreflow/core';

const LOG_2PI = Math.log(2 * Math.PI);

/**
 * out_i = log N(y; A u_i, diag(v)) for the points u_i of `u` (row-major, n * dim), with v_r =
 * sigma^2 + spread^2 |a_r|^2 per row a_r of A. With spread = 0 it is the likelihood p(y | x = u_i);
 * with u = Tweedie's x0_hat(x_t) and spread = s(t) / m(t) it is the twisting function of the
 * twisted diffusion sampler (Wu et al. 2023, eq. 8, with the variance inflated by the noise level
 * so that early twists are flat).
 */
export function observationLogLikelihood(observation: LinearObservation, u: Float32Array, spread: number, out: Float64Array): Float64Array {
  const { A, y, rows, dim, sigma } = observation;
  const variances = new Float64Array(rows);
  let constant = 0;
  for (let r = 0; r < rows; r++) {
    let square = 0;
    for (let j = 0; j < dim; j++) square += A[r * dim + j] ** 2;
    variances[r] = sigma * sigma + spread * spread * square;
    constant -= 0.5 * (LOG_2PI + Math.log(variances[r]));
  }
  for (let i = 0; i < out.length; i++) {
    let log = constant;
    for (let r = 0; r < rows; r++) {
      let au = 0;
      for (let j = 0; j < dim; j++) au += A[r * dim + j] * u[i * dim + j];
      log -= (0.5 * (y[r] - au) ** 2) / variances[r];
    }
    out[i] = log;
  }
  return out;
}
