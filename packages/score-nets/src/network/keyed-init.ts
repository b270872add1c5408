import { type Rng, streamId } from '@scoreflow/core';

/**
 * `rows x columns` numbers from the run's keyed RNG, row i from the key (seed, i, step 0, `stream`):
 * uniform on (-limit, limit) or, with `std`, N(0, std^2). Every random number of a network's
 * initialisation comes from here, as every other random number of scoreflow comes from core's RNG.
 */
export function keyedMatrix(rng: Rng, stream: string, rows: number, columns: number, spread: { limit: number } | { std: number }): Float32Array {
  const out = new Float32Array(rows * columns);
  const ids = { first: 0, count: rows };
  const key = { step: 0, stream: streamId(stream) };
  if ('std' in spread) {
    rng.normal(out, ids, columns, key);
    for (let i = 0; i < out.length; i++) out[i] *= spread.std;
    return out;
  }
  rng.uniform(out, ids, columns, key);
  for (let i = 0; i < out.length; i++) out[i] = (2 * out[i] - 1) * spread.limit;
  return out;
}
