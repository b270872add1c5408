/**
 * At most `count` of `all`, evenly spread over it with the first and the last kept: element
 * round(k (n - 1) / (count - 1)) for k = 0 .. count - 1, where n = `all.length`. All of them when
 * there are no more than `count`. The frames of an animation figure.
 *
 * @example
 * spreadFrames([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 3); // [0, 5, 10]
 */
export function spreadFrames<T>(all: readonly T[], count: number): T[] {
  const n = Math.min(count, all.length);
  return Array.from({ length: n }, (_, k) => all[Math.round((k * (all.length - 1)) / Math.max(1, n - 1))]);
}
