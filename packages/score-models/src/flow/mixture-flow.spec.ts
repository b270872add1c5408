import {
  type FlowPath,
  type GaussianMixture,
  allocateComponents,
  bridgePath,
  createRng,
  diffuseComponents,
  gaussianMixture,
  lipmanPath,
  mixtureCovariance,
  mixtureMean,
  rk45Solver,
  straightPath,
  writeGradLogDensity,
} from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { mixtureFlow } from './mixture-flow.js';
import { standardNormal } from './mixture-flow-plugin.js';

const target = gaussianMixture({ weights: [0.3, 0.7], means: [[-2, 1], [2, 0]], std: [[0.5, 0.3], [0.4, 0.6]] });

/** `count` 2-D points of `source`, keyed by seed 11. */
function sampleOf(source: GaussianMixture, count: number): Float32Array {
  const rng = createRng(11);
  const z = rng.normal(new Float32Array(count * 2), { first: 0, count }, 2, { step: 0, stream: 0 });
  const u = rng.uniform(new Float64Array(count), { first: 0, count }, 1, { step: 0, stream: 1 });
  for (let i = 0; i < count; i++) {
    let k = 0;
    for (let cumulative = source.weights[0]; u[i] > cumulative && k + 1 < source.components; cumulative += source.weights[++k]);
    for (let d = 0; d < 2; d++) z[2 * i + d] = source.means[2 * k + d] + source.stds[2 * k + d] * z[2 * i + d];
  }
  return z;
}

/** Pushes `x` from t = 0 to t = 1 along the flow (RK45, rtol 1e-6). */
async function pushForward(source: GaussianMixture, path: FlowPath, x: Float32Array): Promise<Float32Array> {
  const flow = mixtureFlow(source, target, path);
  const y = Float64Array.from(x);
  const in32 = new Float32Array(y.length);
  const out32 = new Float32Array(y.length);
  const velocity = (at: Float64Array, t: number, out: Float64Array) => {
    in32.set(at);
    flow.velocity(in32, t, out32);
    out.set(out32);
  };
  await rk45Solver(velocity, y, 0, { name: 'test', rtol: 1e-6, atol: 1e-6, group: 2, span: 1 }, () => new Float64Array(y.length)).advance(1);
  return Float32Array.from(y);
}

/** Every mean and covariance entry of a 2-D sample is within 3 standard errors of `expected`. */
function expectMoments(x: Float32Array, expected: GaussianMixture, extraVariance = 0): void {
  const n = x.length / 2;
  const mean = [0, 1].map((d) => x.filter((_, i) => i % 2 === d).reduce((s, v) => s + v, 0) / n);
  const trueMean = mixtureMean(expected);
  const trueCov = mixtureCovariance(expected);
  for (let a = 0; a < 2; a++) {
    const spread = Math.sqrt(trueCov[a * 3]);
    expect(Math.abs(mean[a] - trueMean[a]), `mean ${a}`).toBeLessThan((3 * spread) / Math.sqrt(n));
    for (let b = a; b < 2; b++) {
      const products = Array.from({ length: n }, (_, i) => (x[2 * i + a] - mean[a]) * (x[2 * i + b] - mean[b]));
      const cov = products.reduce((s, v) => s + v, 0) / n;
      const se = Math.sqrt(products.reduce((s, v) => s + (v - cov) ** 2, 0) / n / n);
      expect(Math.abs(cov - trueCov[a * 2 + b] - (a === b ? extraVariance : 0)), `cov ${a}${b}`).toBeLessThan(3 * se);
    }
  }
}

describe('mixtureFlow(source, target, path)', () => {
  it('pushes N(0, I) onto the target mixture: mean and covariance within 3 standard errors (straight, lipman, bridge paths)', async () => {
    const x = sampleOf(standardNormal(2), 3000);
    expectMoments(await pushForward(standardNormal(2), straightPath(0), x), target);
    expectMoments(await pushForward(standardNormal(2), bridgePath(0.5), x), target);
    // FM's path ends at x1 + sigma_min x0: the target convolved with N(0, sigma_min^2 I).
    expectMoments(await pushForward(standardNormal(2), lipmanPath(0.1), x), target, 0.01);
  });

  it('pushes a mixture source onto the target (straight path)', async () => {
    const source = gaussianMixture({ weights: [0.5, 0.5], means: [[0, 3], [0, -3]], std: 0.7 });
    expectMoments(await pushForward(source, straightPath(0), sampleOf(source, 3000)), target);
  });

  it('is (x + (1 - t) s(x)) / t for an N(0, I) source on the straight path, s the score of the target diffused with alpha = t, sigma = 1 - t', () => {
    const flow = mixtureFlow(standardNormal(2), target, straightPath(0));
    const x = Float32Array.from([0.3, -1.2, 2.5, 0.4, -3, 2]);
    const velocity = new Float32Array(6);
    const score = new Float32Array(6);
    const components = allocateComponents('test', target);
    for (const t of [0.1, 0.5, 0.9]) {
      flow.velocity(x, t, velocity);
      writeGradLogDensity(diffuseComponents(target, t, 1 - t, components), x, score);
      x.forEach((xi, i) => expect(velocity[i]).toBeCloseTo((xi + (1 - t) * score[i]) / t, 4));
    }
  });

  it('divergence is the trace of the velocity\'s Jacobian, and with a probe e its quadratic form e^T J e, by central differences (every path)', () => {
    const x = Float32Array.from([0.3, -1.2, 2.5, 0.4, -3, 2, -1.1, 1.4]);
    const n = x.length / 2;
    const probe = Float32Array.from([1, -1, -1, -1, 1, 1, -1, 1]);
    const h = 1e-2;
    for (const [source, path] of [
      [standardNormal(2), straightPath(0)],
      [standardNormal(2), lipmanPath(0.1)],
      [gaussianMixture({ means: [[0, 2], [0, -2]], std: 0.6 }), bridgePath(0.5)],
    ] as const) {
      const flow = mixtureFlow(source, target, path);
      for (const t of [0.05, 0.5, 0.95]) {
        // J e per particle by a central difference of the velocity in double precision (Float32 positions: h = 1e-2).
        const along = (e: Float32Array) => {
          const [plus, minus] = [new Float32Array(x.length), new Float32Array(x.length)];
          flow.velocity(x.map((v, i) => v + h * e[i]), t, plus);
          flow.velocity(x.map((v, i) => v - h * e[i]), t, minus);
          return Array.from({ length: n }, (_, i) => (e[2 * i] * (plus[2 * i] - minus[2 * i]) + e[2 * i + 1] * (plus[2 * i + 1] - minus[2 * i + 1])) / (2 * h));
        };
        const basis = [0, 1].map((d) => Float32Array.from(x, (_, i) => (i % 2 === d ? 1 : 0)));
        const trace = along(basis[0]).map((v, i) => v + along(basis[1])[i]);
        const quadratic = along(probe);
        const exact = new Float64Array(n);
        const withProbe = new Float64Array(n);
        flow.divergence(x, t, exact);
        flow.divergence(x, t, withProbe, probe);
        for (let i = 0; i < n; i++) {
          expect(Math.abs(exact[i] - trace[i]), `${path.name} t ${t} particle ${i}`).toBeLessThan(2e-2 * (1 + Math.abs(trace[i])));
          expect(Math.abs(withProbe[i] - quadratic[i]), `${path.name} t ${t} particle ${i}, probe`).toBeLessThan(2e-2 * (1 + Math.abs(quadratic[i])));
        }
      }
    }
  });

  it('rejects a source and target of different dimensions, and a wrong-sized out', () => {
    expect(() => mixtureFlow(gaussianMixture({ means: [[0]], std: 1 }), target, straightPath())).toThrow(/the source has dim 1 and the target 2/);
    expect(() => mixtureFlow(standardNormal(2), target, straightPath()).velocity(new Float32Array(4), 0.5, new Float32Array(2))).toThrow(/out holds 2 values, expected 4/);
  });
});
