import { type GaussianMixture, erfc } from '@scoreflow/core';

/** Sample mean and covariance of 2-D positions (row-major), and the standard error of each. */
export function sampleMoments(x: Float32Array) {
  const n = x.length / 2;
  const mean = [0, 0];
  for (let i = 0; i < n; i++) for (let j = 0; j < 2; j++) mean[j] += x[2 * i + j] / n;
  const pairs = [[0, 0], [0, 1], [1, 1]] as const;
  const covariance = pairs.map(([a, b]) => {
    let sum = 0;
    let square = 0;
    for (let i = 0; i < n; i++) {
      const product = (x[2 * i + a] - mean[a]) * (x[2 * i + b] - mean[b]);
      sum += product;
      square += product * product;
    }
    const value = sum / n;
    return { value, standardError: Math.sqrt((square / n - value * value) / n) };
  });
  return {
    mean: mean.map((value, j) => ({ value, standardError: Math.sqrt(covariance[j === 0 ? 0 : 2].value / n) })),
    covariance,
  };
}

/** The exact mean and covariance (entries 00, 01, 11) of a 2-D diagonal Gaussian mixture. */
export function mixtureMoments({ components, weights, means, stds }: GaussianMixture) {
  const mean = [0, 0];
  for (let k = 0; k < components; k++) for (let j = 0; j < 2; j++) mean[j] += weights[k] * means[2 * k + j];
  const second = (a: number, b: number) => {
    let sum = 0;
    for (let k = 0; k < components; k++) sum += weights[k] * ((a === b ? stds[2 * k + a] ** 2 : 0) + means[2 * k + a] * means[2 * k + b]);
    return sum - mean[a] * mean[b];
  };
  return { mean, covariance: [second(0, 0), second(0, 1), second(1, 1)] };
}

/** Phi(z), the standard normal CDF. */
const normalCdf = (z: number) => erfc(-z / Math.SQRT2) / 2;

/**
 * Kolmogorov-Smirnov statistic of the projections u . x_i (u = (cos angle, sin angle)) against
 * the exact CDF of u . X for X from `mixture`: sum_k w_k Phi((z - u . mu_k) / sqrt(u^2 . sigma_k^2)).
 */
export function projectedKs(x: Float32Array, mixture: GaussianMixture, angle: number): number {
  const [u0, u1] = [Math.cos(angle), Math.sin(angle)];
  const n = x.length / 2;
  const z = Float64Array.from({ length: n }, (_, i) => u0 * x[2 * i] + u1 * x[2 * i + 1]).sort();
  const cdf = (value: number) => {
    let sum = 0;
    for (let k = 0; k < mixture.components; k++) {
      const centre = u0 * mixture.means[2 * k] + u1 * mixture.means[2 * k + 1];
      const spread = Math.sqrt((u0 * mixture.stds[2 * k]) ** 2 + (u1 * mixture.stds[2 * k + 1]) ** 2);
      sum += mixture.weights[k] * normalCdf((value - centre) / spread);
    }
    return sum;
  };
  let statistic = 0;
  z.forEach((value, i) => {
    const f = cdf(value);
    statistic = Math.max(statistic, Math.abs(f - i / n), Math.abs(f - (i + 1) / n));
  });
  return statistic;
}
