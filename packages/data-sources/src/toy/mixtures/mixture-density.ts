import { type Density, DimensionError, type GaussianMixture } from '@scoreflow/core';
import { pointCount } from '../point-count.js';

const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/**
 * The exact density of a 2-D Gaussian mixture with diagonal covariances,
 *
 *     log p(x) = log sum_k exp(l_k),   l_k = log w_k - sum_j [log sigma_kj + log(2 pi) / 2 + (x_j - mu_kj)^2 / (2 sigma_kj^2)]
 *     grad log p(x) = sum_k r_k (mu_k - x) / sigma_k^2,   r_k = exp(l_k - log p(x))
 *
 * with the log-sum-exp taken about the largest l_k, so that points far from every component keep
 * finite values. `name` and `parameters` are the set's (e.g. `eight-gaussians`, `{ scale, std }`).
 */
export function mixtureDensity<P extends object>(name: string, mixture: GaussianMixture, parameters: P): Density<P> {
  const { dim, components, weights, means, stds } = mixture;
  if (dim !== 2) throw new DimensionError(`mixtureDensity(${name}): mixture`, 2, dim);
  const offsets = new Float64Array(components);
  const precisions = stds.map((sigma) => 1 / (sigma * sigma));
  for (let k = 0; k < components; k++) {
    offsets[k] = Math.log(weights[k]) - Math.log(stds[2 * k]) - Math.log(stds[2 * k + 1]) - 2 * HALF_LOG_TWO_PI;
  }
  const terms = new Float64Array(components);

  /** Fills `terms` with l_k at (x1, x2) and returns log p = log sum_k exp(l_k). */
  const logSum = (x1: number, x2: number): number => {
    let largest = -Infinity;
    for (let k = 0; k < components; k++) {
      const d1 = x1 - means[2 * k];
      const d2 = x2 - means[2 * k + 1];
      terms[k] = offsets[k] - 0.5 * (d1 * d1 * precisions[2 * k] + d2 * d2 * precisions[2 * k + 1]);
      if (terms[k] > largest) largest = terms[k];
    }
    let sum = 0;
    for (let k = 0; k < components; k++) sum += Math.exp(terms[k] - largest);
    return largest + Math.log(sum);
  };

  return Object.freeze({
    name,
    dim: 2,
    parameters: Object.freeze({ ...parameters }),
    logDensity(x: Float32Array | Float64Array, out: Float64Array): Float64Array {
      const n = pointCount(`${name}.logDensity`, x, out, 1);
      for (let i = 0; i < n; i++) out[i] = logSum(x[2 * i], x[2 * i + 1]);
      return out;
    },
    gradLogDensity(x: Float32Array | Float64Array, out: Float32Array): Float32Array {
      const n = pointCount(`${name}.gradLogDensity`, x, out, 2);
      for (let i = 0; i < n; i++) {
        const x1 = x[2 * i];
        const x2 = x[2 * i + 1];
        const log = logSum(x1, x2);
        let g1 = 0;
        let g2 = 0;
        for (let k = 0; k < components; k++) {
          const r = Math.exp(terms[k] - log);
          g1 += r * (means[2 * k] - x1) * precisions[2 * k];
          g2 += r * (means[2 * k + 1] - x2) * precisions[2 * k + 1];
        }
        out[2 * i] = g1;
        out[2 * i + 1] = g2;
      }
      return out;
    },
  });
}
