import { munkres } from 'munkres';
import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng.js';
import { shortestAugmentingPaths } from './augmenting-paths.js';
import { squaredCosts } from './squared-costs.js';

describe('shortestAugmentingPaths(cost, n, v)', () => {
  it('reaches the optimum (as munkres) from any column potentials: zero, random, and far from optimal', () => {
    const rng = createRng(23);
    for (const [trial, n] of [2, 5, 40, 120].entries()) {
      const points = rng.normal(new Float64Array(4 * n), { first: 0, count: 2 * n }, 2, { step: trial, stream: 0 });
      const cost = squaredCosts(points.subarray(0, 2 * n), points.subarray(2 * n), 2);
      let optimum = 0;
      for (const [i, j] of munkres(Array.from({ length: n }, (_, row) => cost.subarray(row * n, (row + 1) * n)))) optimum += cost[i * n + j];
      const starts = [new Float64Array(n), rng.normal(new Float64Array(n), { first: 0, count: n }, 1, { step: trial, stream: 1 }).map((z) => 10 * z)];
      for (const v of starts) {
        const columns = shortestAugmentingPaths(cost, n, v);
        expect(new Set(columns).size).toBe(n);
        let total = 0;
        for (let i = 0; i < n; i++) total += cost[i * n + columns[i]];
        expect(Math.abs(total - optimum)).toBeLessThanOrEqual(1e-9 * optimum);
      }
    }
  });

  it('leaves optimal dual potentials: C_ij - v_j - u_i >= 0 everywhere and = 0 on the assignment', () => {
    const n = 60;
    const points = createRng(29).normal(new Float64Array(4 * n), { first: 0, count: 2 * n }, 2, { step: 0, stream: 0 });
    const cost = squaredCosts(points.subarray(0, 2 * n), points.subarray(2 * n), 2);
    const v = new Float64Array(n);
    const columns = shortestAugmentingPaths(cost, n, v);
    for (let i = 0; i < n; i++) {
      const u = cost[i * n + columns[i]] - v[columns[i]];
      for (let j = 0; j < n; j++) expect(cost[i * n + j] - v[j] - u).toBeGreaterThanOrEqual(-1e-12);
    }
  });
});
