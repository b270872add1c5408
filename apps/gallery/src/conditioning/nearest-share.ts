/**
 * The share of the 2-D points `x` (row-major) whose nearest of the `means` (row-major, one row per
 * mixture component) belongs to class `label` (`classes[k]`: the class of component k): how many
 * samples a guided sampler put in class y, for well-separated modes such as the eight Gaussians.
 */
export function nearestShare(x: ArrayLike<number>, means: ArrayLike<number>, classes: readonly number[], label: number): number {
  const n = Math.floor(x.length / 2);
  const components = Math.floor(means.length / 2);
  if (classes.length !== components) throw new RangeError(`nearestShare: classes must name one class per component (${components}), got ${classes.length}.`);
  if (n === 0) return 0;
  let inClass = 0;
  for (let i = 0; i < n; i++) {
    let best = 0;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (let k = 0; k < components; k++) {
      const distance = (x[2 * i] - means[2 * k]) ** 2 + (x[2 * i + 1] - means[2 * k + 1]) ** 2;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = k;
      }
    }
    if (classes[best] === label) inClass++;
  }
  return inClass / n;
}
