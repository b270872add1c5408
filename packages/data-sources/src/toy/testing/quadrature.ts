import type { Density } from '@scoreflow/core';

export { type Interval, iteratedTrapezoid } from '@scoreflow/core/testing';

/**
 * Pearson's chi-square of a 2-D sample against a density: the box [lo1, hi1] x [lo2, hi2] is cut into
 * `bins` x `bins` cells, each cell's probability is the midpoint rule on `sub` x `sub` points, and
 * the cells expecting at least `minExpected` particles count (the rest, and the mass outside the
 * box, are pooled into one cell). Returns the statistic and its degrees of freedom (cells - 1);
 * for an exact sampler it is about dof +- sqrt(2 dof).
 */
export function chiSquare(
  density: Density,
  x: Float32Array,
  box: readonly [number, number, number, number],
  bins: number,
  sub = 8,
  minExpected = 20,
): { statistic: number; dof: number } {
  const [lo1, hi1, lo2, hi2] = box;
  const n = x.length / 2;
  const w1 = (hi1 - lo1) / bins;
  const w2 = (hi2 - lo2) / bins;
  const counts = new Float64Array(bins * bins);
  let outside = 0;
  for (let i = 0; i < n; i++) {
    const a = Math.floor((x[2 * i] - lo1) / w1);
    const b = Math.floor((x[2 * i + 1] - lo2) / w2);
    if (a >= 0 && a < bins && b >= 0 && b < bins) counts[a * bins + b]++;
    else outside++;
  }
  const points = new Float64Array(2 * sub * sub);
  const log = new Float64Array(sub * sub);
  let statistic = 0;
  let cells = 0;
  let pooledObserved = outside;
  let pooledExpected = n;
  for (let a = 0; a < bins; a++) {
    for (let b = 0; b < bins; b++) {
      for (let p = 0; p < sub; p++) {
        for (let q = 0; q < sub; q++) {
          points[2 * (p * sub + q)] = lo1 + (a + (p + 0.5) / sub) * w1;
          points[2 * (p * sub + q) + 1] = lo2 + (b + (q + 0.5) / sub) * w2;
        }
      }
      density.logDensity(points, log);
      let mass = 0;
      for (const v of log) mass += Math.exp(v);
      const expected = (n * mass * w1 * w2) / (sub * sub);
      pooledExpected -= expected;
      if (expected < minExpected) {
        pooledObserved += counts[a * bins + b];
        pooledExpected += expected;
        continue;
      }
      statistic += (counts[a * bins + b] - expected) ** 2 / expected;
      cells++;
    }
  }
  if (pooledExpected >= minExpected) {
    statistic += (pooledObserved - pooledExpected) ** 2 / pooledExpected;
    cells++;
  }
  return { statistic, dof: cells - 1 };
}
