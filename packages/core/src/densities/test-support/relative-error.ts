/**
 * Largest |a_i - b_i| over largest |b_i|: the relative error of a whole vector against the
 * reference `b`, at the scale of its output (elementwise ratios blow up near 0); infinite when
 * the lengths differ.
 */
export function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < b.length; i++) {
    diff = Math.max(diff, Math.abs((a[i] as number) - (b[i] as number)));
    scale = Math.max(scale, Math.abs(b[i] as number));
  }
  return a.length === b.length ? diff / scale : Number.POSITIVE_INFINITY;
}
