import { createRng } from '@scoreflow/core';

/**
 * Test support: `n` points of N(mean, std^2 I) in `mean.length` dimensions, row-major, drawn as
 * `createRng(seed).normal(out, { first: 0, count: n }, dim, { step: 0, stream: 1 })`, scaled and
 * shifted. Fixed seeds make the tests reproducible.
 */
export function gaussianSample(seed: number, n: number, mean: readonly number[], std: number): Float32Array {
  const dim = mean.length;
  const x = createRng(seed).normal(new Float32Array(n * dim), { first: 0, count: n }, dim, { step: 0, stream: 1 });
  for (let i = 0; i < n; i++) for (let j = 0; j < dim; j++) x[i * dim + j] = mean[j] + std * x[i * dim + j];
  return x;
}
