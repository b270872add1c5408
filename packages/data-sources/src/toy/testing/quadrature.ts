import type { Density } from '@scoreflow/core';

/** An interval [from, to] cut into `intervals` equal steps. */
export interface Interval {
  readonly from: number;
  readonly to: number;
  readonly intervals: number;
}

/**
 * Test support: int int exp(logDensity(x1, x2)) dx2 dx1 by the iterated trapezoid rule, x1 over
 * `outer` and, for each x1 node, x2 over `inner(x1)` (a fixed box, or a window that follows the
 * conditional law of x2, as a funnel's neck needs). For a smooth density that is negligible at the
 * edges the rule converges faster than any power of the step (Trefethen and Weideman 2014); for a
 * density with jumps on grid lines (the checkerboard) it is exact when the lines are nodes.
 */
export function gridIntegral(density: Density, outer: Interval, inner: (x1: number) => Interval): number {
  const h1 = (outer.to - outer.from) / outer.intervals;
  let total = 0;
  for (let i = 0; i <= outer.intervals; i++) {
    const x1 = outer.from + i * h1;
    const { from, to, intervals } = inner(x1);
    const h2 = (to - from) / intervals;
    const row = new Float64Array(2 * (intervals + 1));
    for (let j = 0; j <= intervals; j++) {
      row[2 * j] = x1;
      row[2 * j + 1] = from + j * h2;
    }
    const log = density.logDensity(row, new Float64Array(intervals + 1));
    let sum = 0;
    for (let j = 0; j <= intervals; j++) sum += (j === 0 || j === intervals ? 0.5 : 1) * Math.exp(log[j]);
    total += (i === 0 || i === outer.intervals ? 0.5 : 1) * sum * h2;
  }
  return total * h1;
}

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
