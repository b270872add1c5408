import type { Target } from '@scoreflow/core';

/**
 * Test-only: the Gaussian target N(mean, covariance) in 1 or 2 dimensions, normalised, in closed
 * form: log p(x) = -(x - m)^T P (x - m) / 2 - log(2 pi)^(d/2) - log det(S) / 2 and
 * grad log p(x) = -P (x - m), with P = S^-1. Counts its calls.
 */
export function gaussianTarget(mean: readonly number[], covariance: readonly (readonly number[])[]): Target & { densityCalls: number; gradientCalls: number } {
  const dim = mean.length;
  if (dim !== 1 && dim !== 2) throw new RangeError('gaussianTarget: 1 or 2 dimensions.');
  const [a, b, c] = dim === 1 ? [covariance[0][0], 0, 1] : [covariance[0][0], covariance[0][1], covariance[1][1]];
  const det = a * c - b * b;
  // P = [[c, -b], [-b, a]] / det in 2-D, 1 / a in 1-D.
  const [p00, p01, p11] = dim === 1 ? [1 / a, 0, 0] : [c / det, -b / det, a / det];
  const logNorm = -0.5 * dim * Math.log(2 * Math.PI) - 0.5 * Math.log(dim === 1 ? a : det);
  return {
    name: 'gaussian-test',
    dim,
    normalised: true,
    densityCalls: 0,
    gradientCalls: 0,
    logDensity(x, out) {
      this.densityCalls++;
      for (let i = 0; i < x.length / dim; i++) {
        const u = x[i * dim] - mean[0];
        const v = dim === 1 ? 0 : x[i * dim + 1] - mean[1];
        out[i] = logNorm - 0.5 * (p00 * u * u + 2 * p01 * u * v + p11 * v * v);
      }
      return out;
    },
    gradLogDensity(x, out) {
      this.gradientCalls++;
      for (let i = 0; i < x.length / dim; i++) {
        const u = x[i * dim] - mean[0];
        if (dim === 1) {
          out[i] = -p00 * u;
          continue;
        }
        const v = x[i * dim + 1] - mean[1];
        out[i * 2] = -(p00 * u + p01 * v);
        out[i * 2 + 1] = -(p01 * u + p11 * v);
      }
      return out;
    },
  };
}

/** Test-only: the correlated 2-D Gaussian of the MCMC tests: means (1, -1), stds (1, 0.5), correlation 0.8. */
export const CORRELATED = { mean: [1, -1], covariance: [[1, 0.4], [0.4, 0.25]] } as const;
