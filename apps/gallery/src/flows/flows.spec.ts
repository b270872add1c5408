import { createBrowserRegistry } from '@scoreflow/catalogue';
import { createRng, createRunContext, minibatchCoupling } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { coupledFlow } from './coupled-flow.js';
import { meetings, straightness } from './path-geometry.js';

/** n rows of 2-D normals N(shift, scale^2 I), from core's seeded generator. */
function normals(n: number, seed: number, scale = 1, shift = 0): Float32Array {
  const z = createRng(seed).normal(new Float32Array(2 * n), { first: 0, count: n }, 2, { step: 0 });
  return z.map((v) => shift + scale * v);
}

const rows = (x: Float32Array) => Array.from({ length: x.length / 2 }, (_, i) => [x[2 * i], x[2 * i + 1]]);

describe('coupledFlow(x0, x1, dim, sigma)', () => {
  it('over all n^2 pairs of two point sets equals mixture-flow between the points (I-CFM), to float32 round-off', () => {
    const n = 6;
    const a = normals(n, 1);
    const b = normals(n, 2, 0.5, 3);
    const all0 = new Float32Array(2 * n * n);
    const all1 = new Float32Array(2 * n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        all0.set(a.subarray(2 * i, 2 * i + 2), 2 * (i * n + j));
        all1.set(b.subarray(2 * j, 2 * j + 2), 2 * (i * n + j));
      }
    }
    const sigma = 0.3;
    // Components of std 1e-6 add 1e-12 to the path's variance sigma^2 = 0.09: the same field to 1e-10 relative.
    const exact = createBrowserRegistry().create(
      'velocity-model',
      { type: 'mixture-flow', source: { means: rows(a), std: 1e-6 }, target: { means: rows(b), std: 1e-6 }, probabilityPath: 'straight', sigma },
      { run: createRunContext({ dim: 2 }), path: 'velocity' },
    );
    const x = normals(200, 3, 2, 1);
    for (const t of [0, 0.25, 0.5, 0.9, 1]) {
      const ours = new Float32Array(x.length);
      const theirs = new Float32Array(x.length);
      coupledFlow(all0, all1, 2, sigma).velocity(x, t, ours);
      exact.velocity(x, t, theirs);
      const scale = Math.max(...theirs.map(Math.abs));
      ours.forEach((v, k) => expect(Math.abs(v - theirs[k])).toBeLessThan(1e-5 * scale));
    }
  });

  it('of one pair is x1 - x0 everywhere', () => {
    const flow = coupledFlow(Float32Array.of(1, 2), Float32Array.of(4, -2), 2, 0.1);
    const out = new Float32Array(6);
    flow.velocity(Float32Array.of(0, 0, 100, -50, 1, 2), 0.3, out);
    expect(Array.from(out)).toEqual([3, -4, 3, -4, 3, -4]);
  });

  it('follows the nearest pair (two far-apart pairs) and averages them halfway between', () => {
    const flow = coupledFlow(Float32Array.of(-5, 0, 5, 0), Float32Array.of(-5, 2, 5, -2), 2, 0.1);
    const out = new Float32Array(6);
    flow.velocity(Float32Array.of(-5, 1, 5, -1, 0, 0), 0.5, out);
    expect(Array.from(out)).toEqual([0, 2, 0, -2, 0, 0]);
  });

  it('rejects sigma <= 0 and point sets of unequal size, naming them', () => {
    expect(() => coupledFlow(Float32Array.of(0, 0), Float32Array.of(1, 1), 2, 0)).toThrow(/sigma must be > 0, got 0/);
    expect(() => coupledFlow(Float32Array.of(0, 0), Float32Array.of(1, 1, 2, 2), 2, 0.1)).toThrow(/x0 and x1 must hold the same/);
  });
});

describe('straightness(paths) and meetings(x0, x1, dim, radius)', () => {
  it('straightness is 1 for straight paths and (3 + 4) / 5 for a 3-4-5 corner', () => {
    // Two paths, three points each, snapshot-major: a straight line and a corner.
    const positions = [0, 0, 0, 0, 1, 1, 3, 0, 2, 2, 3, 4];
    expect(straightness({ paths: 2, steps: 3, dim: 2, positions })).toBeCloseTo((1 + 7 / 5) / 2, 12);
  });

  it('meetings counts paths that pass close at the same time, not segments that cross at different times', () => {
    // An X traversed together: both at (0.5, 0.5) at t = 1/2.
    expect(meetings([0, 0, 0, 1], [1, 1, 1, 0], 2, 0.01)).toBe(1);
    // Parallel, 1 apart all along.
    expect(meetings([0, 0, 1, 0], [1, 1, 2, 1], 2, 0.99)).toBe(0);
    expect(meetings([0, 0, 1, 0], [1, 1, 2, 1], 2, 1.01)).toBe(1);
    // The segments cross, but the paths are closest at t = 0.3, sqrt(0.2) apart.
    expect(meetings([0, 0, 1, -1], [4, 0, 1, 1], 2, 0.44)).toBe(0);
    expect(meetings([0, 0, 1, -1], [4, 0, 1, 1], 2, 0.45)).toBe(1);
  });

  it("an exact assignment's paths meet far less often than independent pairs of the same points", () => {
    const x0 = normals(128, 4);
    const x1 = normals(128, 5, 1, 2);
    const coupled = minibatchCoupling(x0, x1, 2, { method: 'exact' });
    const independent = meetings(x0, x1, 2, 0.1);
    // Independent pairs: P(|d(t*)| < 0.1) of order a few percent of the 8128 pairs.
    expect(independent).toBeGreaterThan(100);
    // The plan's pairs meet only where both ends lie within about 0.14 of each other.
    expect(meetings(coupled.x0, coupled.x1, 2, 0.1)).toBeLessThan(independent / 10);
  });
});
