import { type Coupling, conditionalFlow, createRng, minibatchCoupling } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { objectiveRecipe } from './flow-objective.js';

describe("SB-CFM's coupling and path (objectiveRecipe('sbcfm', sigma))", () => {
  it('give the closed-form Schroedinger-bridge marginal variance between 1-D Gaussians (Janati et al. 2020)', () => {
    // N(m0, a^2) -> N(m1, b^2), sigma = 1: c = (sqrt(sigma^4 + 4 a^2 b^2) - sigma^2) / 2 and
    // Var_t = (1 - t)^2 a^2 + t^2 b^2 + 2 t (1 - t) c + sigma^2 t (1 - t).
    const [a, b, m0, m1, sigma] = [1, 2, -1, 3, 1];
    const recipe = objectiveRecipe('sbcfm', sigma);
    const c = (Math.sqrt(sigma ** 4 + 4 * a * a * b * b) - sigma ** 2) / 2;
    const n = 512;
    const batches = 6;
    const rng = createRng(1);
    const times = [0.25, 0.5, 0.75];
    const values: number[][] = times.map(() => []);
    let covariance = 0;
    for (let k = 0; k < batches; k++) {
      const z = rng.normal(new Float32Array(3 * n), { first: 0, count: n }, 3, { step: k, stream: 0 });
      const x0 = Float32Array.from({ length: n }, (_, i) => m0 + a * z[3 * i]);
      const x1 = Float32Array.from({ length: n }, (_, i) => m1 + b * z[3 * i + 1]);
      const eps = Float32Array.from({ length: n }, (_, i) => z[3 * i + 2]);
      const uniforms = rng.uniform(new Float64Array(n), { first: 0, count: n }, 1, { step: k, stream: 1 });
      const pairs = minibatchCoupling(x0, x1, 1, recipe.coupling as Coupling, uniforms);
      for (let i = 0; i < n; i++) covariance += ((pairs.x0[i] - m0) * (pairs.x1[i] - m1)) / (n * batches);
      times.forEach((t, j) => values[j].push(...conditionalFlow(recipe.path, pairs.x0, pairs.x1, eps, new Float32Array(n).fill(t), 1).xt));
    }
    const count = n * batches;
    expect(Math.abs(covariance - c)).toBeLessThan(0.05); // c = 1.56; measured 1.55 (minibatches of 512: the entropic plan of a minibatch is biased low)
    times.forEach((t, j) => {
      const expected = (1 - t) ** 2 * a * a + t * t * b * b + 2 * t * (1 - t) * c + sigma ** 2 * t * (1 - t);
      const mean = values[j].reduce((s, v) => s + v, 0) / count;
      const variance = values[j].reduce((s, v) => s + (v - mean) ** 2, 0) / count;
      expect(Math.abs(variance - expected), `t = ${t}`).toBeLessThan(3 * expected * Math.sqrt(2 / count));
    });
    // The independent coupling's variance is far off at t = 1/2: (a^2 + b^2) / 4 + sigma^2 / 4 = 1.5 < 2.28.
  });
});
