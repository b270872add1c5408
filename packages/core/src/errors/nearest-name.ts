import { distance } from 'fastest-levenshtein';

/**
 * The name among `names` closest to `given` by Levenshtein distance (case ignored), when it is
 * close enough to be a typo: at most a third of the longer name's characters (rounded up, at most 3)
 * differ. Undefined when none is.
 *
 * @example
 * nearestName('geometrc', ['uniform', 'geometric', 'karras']); // 'geometric'
 * nearestName('zzz', ['uniform']);                             // undefined
 */
export function nearestName(given: string, names: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of names) {
    if (Math.abs(given.length - name.length) > 3) continue; // never close enough (and a long value costs nothing)
    const d = distance(given.toLowerCase(), name.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [name, d];
  }
  if (best === undefined || (bestDistance === 0 && best === given)) return undefined;
  const allowed = Math.min(3, Math.ceil(Math.max(given.length, best.length) / 3));
  return bestDistance <= allowed ? best : undefined;
}

/** ` (did you mean 'NAME'?)` for the nearest of `names` (see `nearestName`), or `''`. */
export function didYouMean(given: string, names: Iterable<string>): string {
  const name = nearestName(given, names);
  return name === undefined ? '' : ` (did you mean '${name}'?)`;
}
