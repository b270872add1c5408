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

  it('pairs row i with column columns[i] (a shifted copy is matched back)', () => {
    const x0 = Float64Array.from([0, 0, 10, 0, 0, 10, -10, 0]);
    const x1 = Float64Array.from([-10, 0.1, 0.1, 0, 10.1, 0, 0, 10.1]);
    expect([...exactAssignment(squaredCosts(x0, x1, 2), 4).columns]).toEqual([1, 2, 3, 0]);
  });

  it('rejects a cost matrix that is not n x n, naming it', () => {
    expect(() => exactAssignment(new Float64Array(6), 2)).toThrow(/exactAssignment: 'cost' must be a square n x n matrix \(n = 2\), got 6 values/);
  });
});
