import { munkres } from 'munkres';
import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng.js';
import { exactAssignment } from './exact-assignment.js';
import { squaredCosts } from './squared-costs.js';

/** The smallest sum_i C[i, p(i)] over all permutations p of 0 .. n - 1. */
function bruteForce(cost: Float64Array, n: number): number {
  let best = Number.POSITIVE_INFINITY;
  const permutation = Array.from({ length: n }, (_, i) => i);
  const visit = (k: number, sum: number): void => {
    if (sum >= best) return;
    if (k === n) {
      best = sum;
      return;
    }
    for (let s = k; s < n; s++) {
      [permutation[k], permutation[s]] = [permutation[s], permutation[k]];
      visit(k + 1, sum + cost[k * n + permutation[k]]);
      [permutation[k], permutation[s]] = [permutation[s], permutation[k]];
    }
  };
  visit(0, 0);
  return best;
}

describe('exactAssignment(cost, n)', () => {
  it('matches brute force over all permutations for n = 1 .. 7 (20 random problems each)', () => {
    const rng = createRng(16);
    for (let n = 1; n <= 7; n++) {
      for (let trial = 0; trial < 20; trial++) {
        const points = rng.normal(new Float64Array(2 * n * 2), { first: 0, count: 2 * n }, 2, { step: trial, stream: n });
        const cost = squaredCosts(points.subarray(0, 2 * n), points.subarray(2 * n), 2);
        const { columns, cost: total } = exactAssignment(cost, n);
        expect([...columns].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
        expect(total).toBeCloseTo(bruteForce(cost, n), 10);
      }
    }
  });

  it('matches the Hungarian method (munkres) on larger problems: geometric batches, integer costs with ties, negative costs', () => {
    const rng = createRng(19);
    const hungarian = (cost: Float64Array, n: number) => {
      let total = 0;
      for (const [i, j] of munkres(Array.from({ length: n }, (_, row) => cost.subarray(row * n, (row + 1) * n)))) total += cost[i * n + j];
      return total;
    };
    for (const [trial, n] of [8, 31, 64, 150, 300].entries()) {
      const points = rng.normal(new Float64Array(4 * n), { first: 0, count: 2 * n }, 2, { step: trial, stream: 0 });
      // Eight clusters against one: the shape of OT-CFM's batches, where paths are long.
      for (let k = 0; k < n; k++) points[2 * k] += 5 * Math.cos((Math.PI / 4) * (k % 8));
      const geometric = squaredCosts(points.subarray(0, 2 * n), points.subarray(2 * n), 2);
      const ties = geometric.map((c) => Math.round(c));
      const negative = geometric.map((c) => -3 * c + 1);
      for (const cost of [geometric, ties, negative]) {
        const { columns, cost: total } = exactAssignment(cost, n);
        expect(new Set(columns).size).toBe(n);
        expect(Math.abs(total - hungarian(cost, n))).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(total)));
      }
    }
  });

  it('returns a permutation when every cost is equal, and the one column for n = 1', () => {
    expect(new Set(exactAssignment(new Float64Array(25).fill(3), 5).columns).size).toBe(5);
    expect([...exactAssignment(Float64Array.from([7]), 1).columns]).toEqual([0]);
  });

  it('pairs row i with column columns[i] (a shifted copy is matched back)', () => {
    const x0 = Float64Array.from([0, 0, 10, 0, 0, 10, -10, 0]);
    const x1 = Float64Array.from([-10, 0.1, 0.1, 0, 10.1, 0, 0, 10.1]);
    expect([...exactAssignment(squaredCosts(x0, x1, 2), 4).columns]).toEqual([1, 2, 3, 0]);
  });

  it('rejects a cost matrix that is not n x n, naming it', () => {
    expect(() => exactAssignment(new Float64Array(6), 2)).toThrow(/exactAssignment: 'cost' must be a square n x n matrix \(n = 2\), got 6 values/);
    expect(() => exactAssignment(Float64Array.from([1, Number.NaN, 0, 2]), 2)).toThrow(/exactAssignment: 'cost' must be finite, got NaN at 1/);
  });
});
