/**
 * Writes `a * x` into `out`: the drift f(x, t) = a(t) x of a linear SDE. `out` may be `x` itself.
 * Throws when the lengths differ (a step must not silently drop particles).
 */
export function writeScaled(name: string, x: Float32Array, a: number, out: Float32Array): void {
  if (out.length !== x.length) {
    throw new RangeError(`${name}.drift: out holds ${out.length} values, x holds ${x.length}; they must match.`);
  }
  if (a === 0) {
    out.fill(0);
    return;
  }
  for (let i = 0; i < x.length; i++) out[i] = a * x[i];
}
