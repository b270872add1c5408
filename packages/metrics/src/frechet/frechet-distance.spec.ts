import { describe, expect, it } from 'vitest';
import { gaussianSample } from '../test-support/gaussian-sample.js';
import { frechetDistance, frechetDistanceOfSamples } from './frechet-distance.js';
import { symmetricEigen, symmetricSqrt } from './symmetric-eigen.js';

const diag = (values: number[]) => {
  const n = values.length;
  const m = new Float64Array(n * n);
  values.forEach((v, i) => (m[i * n + i] = v));
  return m;
};
/** R diag(values) R^T for a rotation R by `angle` in the (0, 1) plane. */
const rotated = (values: number[], angle: number) => {
  const n = values.length;
  const r = diag(Array(n).fill(1));
  r[0] = Math.cos(angle); r[1] = -Math.sin(angle); r[n] = Math.sin(angle); r[n + 1] = Math.cos(angle);
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) out[i * n + j] += r[i * n + k] * values[k] * r[j * n + k];
  return out;
};
const vec = (values: number[]) => Float64Array.from(values);

describe('symmetricEigen and symmetricSqrt', () => {
  it('finds the eigenvalues of a rotated diagonal matrix, and V diag V^T rebuilds it', () => {
    const a = rotated([4, 1, 9], 0.7);
    const { values, vectors } = symmetricEigen(a, 3);
    expect([...values].sort((x, y) => x - y).map((v) => Number(v.toFixed(10)))).toEqual([1, 4, 9]);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) {
      let sum = 0;
      for (let k = 0; k < 3; k++) sum += vectors[i * 3 + k] * values[k] * vectors[j * 3 + k];
      expect(sum).toBeCloseTo(a[i * 3 + j], 12);
    }
  });
  it('the square root squares back to the matrix', () => {
    const a = rotated([2, 0.5, 3, 1], -1.1);
    const root = symmetricSqrt(a, 4);
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) {
      let sum = 0;
      for (let k = 0; k < 4; k++) sum += root[i * 4 + k] * root[k * 4 + j];
      expect(sum).toBeCloseTo(a[i * 4 + j], 12);
    }
  });
});

describe('frechetDistance (closed forms)', () => {
  it('is 0 between a Gaussian and itself', () => {
    const g = { mean: vec([1, -2, 0.5]), covariance: rotated([3, 1, 0.2], 0.3) };
    expect(Math.abs(frechetDistance(g, g))).toBeLessThan(1e-10);
  });
  it('diagonal covariances: |mu1 - mu2|^2 + sum (sigma1_i - sigma2_i)^2', () => {
    const a = { mean: vec([0, 1, 2]), covariance: diag([1, 4, 9]) };
    const b = { mean: vec([1, 1, 0]), covariance: diag([4, 1, 16]) };
    expect(frechetDistance(a, b)).toBeCloseTo(1 + 4 + (1 + 1 + 1), 10);
  });
  it('non-commuting covariances: 1-D closed form after a rotation, and symmetric in its arguments', () => {
    // S1 = c I commutes with everything: tr((c S2)^1/2) = sqrt(c) sum sqrt(l_i).
    const a = { mean: vec([0, 0]), covariance: diag([2, 2]) };
    const b = { mean: vec([0, 0]), covariance: rotated([5, 0.5], 0.9) };
    expect(frechetDistance(a, b)).toBeCloseTo(4 + 5.5 - 2 * Math.sqrt(2) * (Math.sqrt(5) + Math.sqrt(0.5)), 10);
    // Two general covariances: the distance is symmetric (tr sqrt(S1 S2) = tr sqrt(S2 S1)).
    const c = { mean: vec([1, 2]), covariance: rotated([3, 0.1], 0.2) };
    expect(frechetDistance(b, c)).toBeCloseTo(frechetDistance(c, b), 10);
  });
  it('of samples: two samples of one Gaussian give about 0 (bias of order dim^2 / n), other means give |dmu|^2', () => {
    const n = 20_000;
    const x = gaussianSample(1, n, [0, 0, 0, 0], 1);
    const y = gaussianSample(2, n, [0, 0, 0, 0], 1);
    const z = gaussianSample(3, n, [1, 0, 0, 0], 1);
    expect(frechetDistanceOfSamples(x, y, 4)).toBeLessThan(5 * (4 * 4) / n);
    expect(frechetDistanceOfSamples(x, z, 4)).toBeCloseTo(1, 1);
  });
  it('refuses mismatched dimensions', () => {
    expect(() => frechetDistance({ mean: vec([0]), covariance: diag([1]) }, { mean: vec([0, 0]), covariance: diag([1, 1]) })).toThrow(/both Gaussians need a mean of 1 values/);
  });
});
