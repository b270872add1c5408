/**
 * The number of points of the plane in `x` (row-major, 2 values each), checking that `out` holds
 * `perPoint` values per point: a RangeError names the caller `fn` otherwise.
 */
export function pointCount(fn: string, x: ArrayLike<number>, out: ArrayLike<number>, perPoint: 1 | 2): number {
  if (x.length % 2 !== 0) throw new RangeError(`${fn}: x holds ${x.length} values, not a multiple of the dimension 2.`);
  const n = x.length / 2;
  if (out.length !== n * perPoint) throw new RangeError(`${fn}: out holds ${out.length} values, expected ${n * perPoint} (${n} points x ${perPoint}).`);
  return n;
}
