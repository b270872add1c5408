/**
 * Checks the shape of chain-major draws (chain c, iteration i at `c * iterations + i`): `chains`
 * an integer >= 1, `splits` an integer >= 2, `iterations` an integer >= 2 splits (so that each
 * segment of a split chain holds at least two draws), and `draws.length === chains * iterations`.
 * `fn` names the caller in messages.
 */
export function checkDraws(fn: string, draws: ArrayLike<number>, chains: number, iterations: number, splits = 2): void {
  if (!Number.isSafeInteger(chains) || chains < 1) throw new RangeError(`${fn}: 'chains' must be an integer >= 1, got ${chains}.`);
  if (!Number.isSafeInteger(splits) || splits < 2) throw new RangeError(`${fn}: 'splits' must be an integer >= 2, got ${splits}.`);
  if (!Number.isSafeInteger(iterations) || iterations < 2 * splits) {
    throw new RangeError(`${fn}: 'iterations' must be an integer >= ${2 * splits} (two draws in each of ${splits} segments per chain), got ${iterations}.`);
  }
  if (draws.length !== chains * iterations) {
    throw new RangeError(`${fn}: 'draws' holds ${draws.length} values, expected chains x iterations = ${chains} x ${iterations} = ${chains * iterations}.`);
  }
}

/** True when some draw is NaN: the diagnostics are then NaN. */
export function hasNaN(draws: ArrayLike<number>): boolean {
  for (let i = 0; i < draws.length; i++) if (Number.isNaN(draws[i])) return true;
  return false;
}
