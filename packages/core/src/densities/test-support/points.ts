import { createRng } from '../../random/rng.js';

/**
 * Test support: `n` points of the plane (2n values, Float64) with x1 = centre1 + spread1 z1 and
 * x2 = f(x1) + spread2(x1) z2, z standard normals from `createRng(seed)`: points spread over a
 * density's bulk and a little beyond it.
 */
export function scatterPoints(
  seed: number,
  n: number,
  spread1: number,
  ridge: (x1: number) => number,
  spread2: (x1: number) => number,
): Float64Array {
  const z = createRng(seed).normal(new Float64Array(2 * n), { first: 0, count: n }, 2, { step: 0 });
  const x = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const x1 = spread1 * z[2 * i];
    x[2 * i] = x1;
    x[2 * i + 1] = ridge(x1) + spread2(x1) * z[2 * i + 1];
  }
  return x;
}

/**
 * The largest of |a_i - b_i| / (relative |b_i| + absolute): below 1 when every value of `a` is
 * within `relative * |b_i| + absolute` of `b`.
 */
export function worstError(a: ArrayLike<number>, b: ArrayLike<number>, relative: number, absolute: number): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]) / (relative * Math.abs(b[i]) + absolute));
  return worst;
}
