import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng.js';
import { exactAssignment } from './exact-assignment.js';
import { sinkhorn } from './sinkhorn.js';
import { squaredCosts } from './squared-costs.js';

const rng = createRng(7);
const points = (count: number, step: number) => rng.normal(new Float64Array(count * 2), { first: 0, count }, 2, { step, stream: 1 });

/** The sums of the rows and of the columns of a row-major n x m plan. */
function marginals(plan: Float64Array, n: number, m: number): { rows: number[]; columns: number[] } {
  const rows = Array.from({ length: n }, (_, i) => plan.subarray(i * m, (i + 1) * m).reduce((a, b) => a + b, 0));
  const columns = Array.from({ length: m }, (_, j) => rows.reduce((sum, _r, i) => sum + plan[i * m + j], 0));
  return { rows, columns };
}

describe('sinkhorn(cost, n, m, { reg })', () => {
  it('returns a plan with the uniform marginals 1 / n and 1 / m (n = 5, m = 8)', () => {
    const cost = squaredCosts(points(5, 0), points(8, 1), 2);
    for (const reg of [10, 0.5, 0.05]) {
      const { plan, marginalError } = sinkhorn(cost, 5, 8, { reg, tolerance: 1e-10 });
      const { rows, columns } = marginals(plan, 5, 8);
      expect(marginalError).toBeLessThanOrEqual(1e-10);
      for (const row of rows) expect(Math.abs(row - 1 / 5)).toBeLessThan(1e-10);
      for (const column of columns) expect(Math.abs(column - 1 / 8)).toBeLessThan(1e-12);
    }
  });

  it('tends to the exact assignment as reg -> 0 (the distance to I_sigma / n shrinks, and is < 1e-4 (of 1 / n = 0.17) at reg = max C / 1000)', () => {
    const n = 6;
    const cost = squaredCosts(points(n, 2), points(n, 3), 2);
    const { columns } = exactAssignment(cost, n);
    const maxCost = Math.max(...cost);
    const distance = (reg: number) => {
      const { plan } = sinkhorn(cost, n, n, { reg, tolerance: 1e-12, maxIterations: 100_000 });
      let worst = 0;
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) worst = Math.max(worst, Math.abs(plan[i * n + j] - (columns[i] === j ? 1 / n : 0)));
      return worst;
    };
    const distances = [1, 0.1, 0.01, 0.001].map((fraction) => distance(fraction * maxCost));
    for (let k = 1; k < distances.length; k++) expect(distances[k]).toBeLessThan(distances[k - 1]);
    expect(distances[0]).toBeGreaterThan(1e-3);
    expect(distances.at(-1)).toBeLessThan(1e-4);
  });

  it('gives the same plan in the scaling form and in the log domain', () => {
    const cost = squaredCosts(points(6, 6), points(5, 7), 2);
    const reg = Math.max(...cost) / 50;
    const scaled = sinkhorn(cost, 6, 5, { reg, tolerance: 1e-12 }).plan;
    const logged = sinkhorn(cost, 6, 5, { reg, tolerance: 1e-12, logDomain: true }).plan;
    scaled.forEach((p, k) => expect(Math.abs(p - logged[k])).toBeLessThan(1e-12));
  });

  it('reaches the plain projections\' plan over-relaxed, in fewer iterations, and falls back to omega = 1 where omega diverges', () => {
    const n = 40;
    const x0 = points(n, 8).map((z, k) => (k % 2 === 0 ? z + 5 * Math.cos(k) : z));
    const cost = squaredCosts(x0, points(n, 9), 2);
    for (const logDomain of [false, true]) {
      const plain = sinkhorn(cost, n, n, { reg: 2, tolerance: 1e-11, overRelaxation: 1, logDomain });
      const relaxed = sinkhorn(cost, n, n, { reg: 2, tolerance: 1e-11, logDomain });
      expect(relaxed.iterations).toBeLessThan(plain.iterations / 2);
      relaxed.plan.forEach((p, k) => expect(Math.abs(p - plain.plan[k]) * n).toBeLessThan(1e-9));
      const { rows, columns } = marginals(relaxed.plan, n, n);
      for (const row of rows) expect(Math.abs(row - 1 / n) * n).toBeLessThanOrEqual(1e-11);
      for (const column of columns) expect(Math.abs(column - 1 / n) * n).toBeLessThan(1e-13);
    }
    // Near 2 the over-relaxed iteration oscillates on this batch at a small reg; the fallback still converges.
    const hard = sinkhorn(cost, n, n, { reg: 0.5, tolerance: 1e-9, overRelaxation: 1.98 });
    expect(hard.marginalError).toBeLessThanOrEqual(1e-9);
    expect(hard.iterations).toBeLessThan(10_000);
  });

  it('is uniform (1 / (n m) everywhere) when reg is huge against the cost', () => {
    const { plan } = sinkhorn(squaredCosts(points(3, 4), points(4, 5), 2), 3, 4, { reg: 1e9 });
    for (const p of plan) expect(p).toBeCloseTo(1 / 12, 8);
  });

  it('rejects reg <= 0 and a cost of the wrong size, naming the argument', () => {
    expect(() => sinkhorn(new Float64Array(4), 2, 2, { reg: 0 })).toThrow(/sinkhorn: 'reg' must be a finite number > 0, got 0/);
    expect(() => sinkhorn(new Float64Array(4), 2, 3, { reg: 1 })).toThrow(/sinkhorn: 'cost' must hold n \* m = 6 values, got 4/);
    expect(() => sinkhorn(new Float64Array(4), 2, 2, { reg: 1, overRelaxation: 2 })).toThrow(/sinkhorn: 'overRelaxation' must be a number in \(0, 2\), got 2/);
  });
});
