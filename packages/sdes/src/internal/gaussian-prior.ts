import { type Rng, streamId } from '@scoreflow/core';

const PRIOR_STREAM = streamId('prior');

/**
 * Draws N(0, std^2 I) samples for the particles `ids` into `out` (row-major, ids.length * dim):
 * the prior of an SDE at t = T. Keyed by `{ step: 0, stream: streamId('prior') }`, so a particle's
 * prior sample depends on the seed and its id only, not on the batch it travels in.
 */
export function drawGaussianPrior(out: Float32Array, ids: Uint32Array, dim: number, rng: Rng, std: number): Float32Array {
  if (!Number.isInteger(dim) || dim < 1) throw new RangeError(`prior: dim must be an integer >= 1, got ${dim}.`);
  const n = ids.length * dim;
  if (out.length < n) throw new RangeError(`prior: out holds ${out.length} values, needs ${ids.length} particles x ${dim}.`);
  rng.normal(out, ids, dim, { step: 0, stream: PRIOR_STREAM });
  if (std !== 1) for (let i = 0; i < n; i++) out[i] *= std;
  return out;
}

const LOG_TWO_PI = Math.log(2 * Math.PI);

/** log N(x; 0, std^2 I) for each particle of `x` (row-major, n * dim) into `out` (n): the prior log density. */
export function gaussianPriorLogDensity(x: Float32Array, dim: number, out: Float64Array, std: number): Float64Array {
  if (!Number.isInteger(dim) || dim < 1 || x.length % dim !== 0) {
    throw new RangeError(`priorLogDensity: x holds ${x.length} values, not a whole number of ${dim}-dimensional particles.`);
  }
  const n = x.length / dim;
  if (out.length < n) throw new RangeError(`priorLogDensity: out holds ${out.length} values, needs ${n}.`);
  const constant = -0.5 * dim * (LOG_TWO_PI + 2 * Math.log(std));
  const scale = -0.5 / (std * std);
  for (let i = 0; i < n; i++) {
    let square = 0;
    for (let j = 0; j < dim; j++) square += x[i * dim + j] * x[i * dim + j];
    out[i] = constant + scale * square;
  }
  return out;
}
