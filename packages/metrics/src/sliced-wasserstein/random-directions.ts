import { createRng, streamId } from '@scoreflow/core';

/** Stream of `createRng(seed)` that the sliced Wasserstein directions are drawn from. */
export const DIRECTION_STREAM = streamId('sliced-wasserstein-directions');

/**
 * `count` directions uniform on the unit sphere S^(dim-1), row-major (count * dim), Float64:
 * standard normal vectors from `createRng(seed)` (direction k is "particle" k, step 0), divided by
 * their norms (Muller 1959). The same seed gives the same directions on every machine.
 */
export function randomDirections(count: number, dim: number, seed: number): Float64Array {
  const directions = createRng(seed).normal(new Float64Array(count * dim), { first: 0, count }, dim, {
    step: 0,
    stream: DIRECTION_STREAM,
  });
  for (let k = 0; k < count; k++) {
    const row = directions.subarray(k * dim, (k + 1) * dim);
    let norm2 = 0;
    for (let j = 0; j < dim; j++) norm2 += row[j] * row[j];
    if (norm2 === 0) {
      row[0] = 1; // probability zero; keeps the direction a unit vector
      continue;
    }
    const scale = 1 / Math.sqrt(norm2);
    for (let j = 0; j < dim; j++) row[j] *= scale;
  }
  return directions;
}
