import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng.js';
import { gaussianW2Squared } from './gaussian-w2.js';
import { minibatchCoupling } from './minibatch-coupling.js';
import { samplePlan } from './sample-plan.js';

describe('minibatchCoupling(x0, x1, dim, coupling)', () => {
  it("exact: the batch's path energy (mean |x1 - x0|^2 of the straight paths) approaches the Gaussian W2^2", () => {
    // N(0, I) -> N((2, -1), [[1.5, 0.6], [0.6, 0.5]]): W2^2 in closed form; batches of 256, averaged over 8.
    const target = { mean: [2, -1], covariance: [1.5, 0.6, 0.5] } as const;
    const w2 = gaussianW2Squared({ mean: [0, 0], covariance: [1, 0, 1] }, target);
    const factor = [Math.sqrt(1.5), 0.6 / Math.sqrt(1.5), Math.sqrt(0.5 - 0.36 / 1.5)]; // Cholesky factor
    const rng = createRng(3);
    const n = 256;
    let exactEnergy = 0;
    let independentEnergy = 0;
    const batches = 8;
    for (let b = 0; b < batches; b++) {
      const x0 = rng.normal(new Float32Array(n * 2), { first: 0, count: n }, 2, { step: b, stream: 0 });
      const z = rng.normal(new Float32Array(n * 2), { first: 0, count: n }, 2, { step: b, stream: 1 });
      const x1 = new Float32Array(n * 2);
      for (let i = 0; i < n; i++) {
        x1[2 * i] = target.mean[0] + factor[0] * z[2 * i];
        x1[2 * i + 1] = target.mean[1] + factor[1] * z[2 * i] + factor[2] * z[2 * i + 1];
      }
      const paired = minibatchCoupling(x0, x1, 2, { method: 'exact' });
      exactEnergy += energy(paired.x0, paired.x1) / batches;
      independentEnergy += energy(x0, x1) / batches;
    }
    expect(Math.abs(exactEnergy - w2) / w2).toBeLessThan(0.05);
    // The independent coupling's energy is |dm|^2 + tr S0 + tr S1, far above W2^2.
    expect(independentEnergy).toBeGreaterThan(1.4 * w2);
  });

  it('exact: uses every point of each side once; sinkhorn: draws n pairs from the plan', () => {
    const x0 = Float32Array.from([0, 0, 1, 1, 2, 2]);
    const x1 = Float32Array.from([2.1, 2.1, 0.1, 0.1, 1.1, 1.1]);
    const exact = minibatchCoupling(x0, x1, 2, { method: 'exact' });
    expect([...exact.x0]).toEqual([...x0]);
    expect([...exact.x1]).toEqual([...Float32Array.from([0.1, 0.1, 1.1, 1.1, 2.1, 2.1])]);
    const entropic = minibatchCoupling(x0, x1, 2, { method: 'sinkhorn', reg: 1e-3 }, [0.1, 0.5, 0.9]);
    expect([...entropic.x1]).toEqual([...exact.x1]);
  });

  it('rejects batches of different sizes and a sinkhorn coupling without uniforms', () => {
    expect(() => minibatchCoupling(new Float32Array(4), new Float32Array(6), 2, { method: 'exact' })).toThrow(/'x0' and 'x1' must hold the same number of rows, got 2 and 3/);
    expect(() => minibatchCoupling(new Float32Array(4), new Float32Array(4), 2, { method: 'sinkhorn', reg: 1 })).toThrow(/needs n = 2 uniforms, got none/);
  });
});

describe('samplePlan(plan, n, m, uniforms)', () => {
  it('draws pair (i, j) with probability P_ij / sum P', () => {
    const plan = Float64Array.from([0.1, 0, 0.3, 0.2, 0.4, 0]);
    const count = 20_000;
    const uniforms = createRng(5).uniform(new Float64Array(count), { first: 0, count }, 1, { step: 0, stream: 0 });
    const { rows, columns } = samplePlan(plan, 2, 3, uniforms);
    const frequency = new Float64Array(6);
    for (let k = 0; k < count; k++) frequency[rows[k] * 3 + columns[k]] += 1 / count;
    plan.forEach((p, k) => expect(Math.abs(frequency[k] - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / count) + 1e-12));
  });
});

describe('gaussianW2Squared(p, q)', () => {
  it('is |dm|^2 + sum (sqrt a_i - sqrt b_i)^2 for diagonal covariances, and invariant under a common rotation', () => {
    const p = { mean: [1, 2], covariance: [4, 0, 1] } as const;
    const q = { mean: [-1, 0], covariance: [1, 0, 9] } as const;
    expect(gaussianW2Squared(p, q)).toBeCloseTo(8 + 1 + 4, 12);
    const rotate = ([a, , c]: readonly number[]): [number, number, number] => [(a + c) / 2, (a - c) / 2, (a + c) / 2]; // by 45 degrees
    const rotated = gaussianW2Squared({ mean: [0, 0], covariance: rotate(p.covariance) }, { mean: [0, 0], covariance: rotate(q.covariance) });
    expect(rotated).toBeCloseTo(1 + 4, 12);
  });
});

function energy(x0: Float32Array, x1: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < x0.length; i++) sum += (x1[i] - x0[i]) ** 2;
  return sum / (x0.length / 2);
}
