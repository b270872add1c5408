import { munkres } from 'munkres';
import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng.js';
import { auctionPrices } from './auction-prices.js';
import { squaredCosts } from './squared-costs.js';

describe('auctionPrices(cost, n, epsilonFinal, theta)', () => {
  it('gives prices whose dual value sum_i min_j (C_ij + p_j) - sum_j p_j is within n epsilon below the optimum', () => {
    const rng = createRng(31);
    for (const [trial, n] of [3, 17, 90].entries()) {
      const points = rng.normal(new Float64Array(4 * n), { first: 0, count: 2 * n }, 2, { step: trial, stream: 0 });
      const cost = squaredCosts(points.subarray(0, 2 * n), points.subarray(2 * n), 2);
      let optimum = 0;
      for (const [i, j] of munkres(Array.from({ length: n }, (_, row) => cost.subarray(row * n, (row + 1) * n)))) optimum += cost[i * n + j];
      for (const epsilon of [1e-1, 1e-3]) {
        const price = auctionPrices(cost, n, epsilon, 5);
        let dual = 0;
        for (let i = 0; i < n; i++) {
          let min = Number.POSITIVE_INFINITY;
          for (let j = 0; j < n; j++) min = Math.min(min, cost[i * n + j] + price[j]);
          dual += min;
        }
        for (const p of price) dual -= p;
        // Weak duality bounds it above by the optimum; epsilon-complementary slackness below.
        expect(dual).toBeLessThanOrEqual(optimum + 1e-9);
        expect(optimum - dual).toBeLessThanOrEqual(n * epsilon);
      }
    }
  });

  it('returns zero prices for a constant cost and terminates for n = 1', () => {
    expect([...auctionPrices(new Float64Array(9).fill(2), 3, 1e-6, 5)]).toEqual([0, 0, 0]);
    expect(auctionPrices(Float64Array.from([4]), 1, 1e-6, 5)).toHaveLength(1);
  });
});
