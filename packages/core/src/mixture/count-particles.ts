/**
 * Checks that `x` holds whole particles of dimension `dim` and that `out` holds `perParticle`
 * values per particle; returns the particle count. `fn` names the caller in messages.
 */
export function countParticles(fn: string, x: ArrayLike<number>, dim: number, out: ArrayLike<number>, perParticle: number): number {
  if (x.length % dim !== 0) {
    throw new RangeError(`${fn}: x holds ${x.length} values, not a multiple of the mixture's dimension ${dim}.`);
  }
  const n = x.length / dim;
  if (out.length !== n * perParticle) {
    throw new RangeError(`${fn}: out holds ${out.length} values, expected ${n * perParticle} (${n} particles x ${perParticle}).`);
  }
  return n;
}
