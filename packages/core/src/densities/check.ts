/**
 * Checks that `x` holds whole points of the plane and that `out` holds `perPoint` values per
 * point; returns the number of points. `fn` names the caller in messages.
 */
export function countPoints(fn: string, x: ArrayLike<number>, out: ArrayLike<number>, perPoint: 1 | 2): number {
  if (x.length % 2 !== 0) throw new RangeError(`${fn}: x holds ${x.length} values, not a multiple of the dimension 2.`);
  const n = x.length / 2;
  if (out.length !== n * perPoint) {
    throw new RangeError(`${fn}: out holds ${out.length} values, expected ${n * perPoint} (${n} points x ${perPoint}).`);
  }
  return n;
}

/** log(2 pi), the normaliser of a standard bivariate Gaussian. */
export const LOG_TWO_PI = Math.log(2 * Math.PI);
