/**
 * Checks the shape of chain-major draws (chain c, iteration i at `c * iterations + i`): `chains`
 * an integer >= 1, `iterations` an integer >= 4 (so that each half of a split chain holds at least
 * two draws), and `draws.length === chains * iterations`. `fn` names the caller in messages.
 */
export function checkDraws(fn: string, draws: ArrayLike<number>, chains: number, iterations: number): void {
  if (!Number.isSafeInteger(chains) || chains < 1) throw new RangeError(`${fn}: 'chains' must be an integer >= 1, got ${chains}.`);
  if (!Number.isSafeInteger(iterations) || iterations < 4) {
    throw new RangeError(`${fn}: 'iterations' must be an integer >= 4 (two draws per half chain), got ${iterations}.`);
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
