import { DimensionError } from '../errors/dimension-error.js';

/**
 * A Gaussian mixture with diagonal covariances: p(x) = sum_k w_k N(x; mu_k, diag(sigma_k^2)).
 * The shared vocabulary of the data sources that sample it, the score models that know its
 * exact score, and the metrics that compare against it.
 */
export interface GaussianMixture {
  readonly dim: number;
  /** Number of components K. */
  readonly components: number;
  /** w_k, summing to 1. */
  readonly weights: Float64Array;
  /** mu_k, row-major K * dim. */
  readonly means: Float64Array;
  /** Per-coordinate standard deviations sigma_k, row-major K * dim. */
  readonly stds: Float64Array;
}

/** A mixture as written by hand; `std` may be one number, one per component, or one per coordinate. */
export interface GaussianMixtureInit {
  readonly weights?: readonly number[];
  readonly means: readonly (readonly number[])[];
  readonly std: number | readonly number[] | readonly (readonly number[])[];
}

/** Builds a `GaussianMixture`, normalising the weights (equal weights when omitted). */
export function gaussianMixture(init: GaussianMixtureInit): GaussianMixture {
  const components = init.means.length;
  if (components === 0) throw new RangeError('gaussianMixture: needs at least one component.');
  const dim = init.means[0].length;
  const means = new Float64Array(components * dim);
  const stds = new Float64Array(components * dim);
  const weights = new Float64Array(components);
  const rawWeights = init.weights ?? new Array<number>(components).fill(1);
  if (rawWeights.length !== components) {
    throw new DimensionError('gaussianMixture: weights (one per mean)', components, rawWeights.length);
  }
  const total = rawWeights.reduce((sum, w) => sum + w, 0);
  for (let k = 0; k < components; k++) {
    if (init.means[k].length !== dim) throw new DimensionError(`gaussianMixture: means[${k}]`, dim, init.means[k].length);
    weights[k] = rawWeights[k] / total;
    for (let j = 0; j < dim; j++) {
      means[k * dim + j] = init.means[k][j];
      stds[k * dim + j] = componentStd(init.std, k, j, dim);
    }
  }
  return { dim, components, weights, means, stds };
}

function componentStd(std: GaussianMixtureInit['std'], k: number, j: number, dim: number): number {
  if (typeof std === 'number') return std;
  const perComponent = std[k];
  if (perComponent === undefined) throw new DimensionError('gaussianMixture: std (one per component)', k + 1, std.length);
  if (typeof perComponent === 'number') return perComponent;
  if (perComponent.length !== dim) throw new DimensionError(`gaussianMixture: std[${k}]`, dim, perComponent.length);
  return perComponent[j];
}

/** Mean of the mixture: sum_k w_k mu_k. */
export function mixtureMean(mixture: GaussianMixture): Float64Array {
  const { dim, components, weights, means } = mixture;
  const mean = new Float64Array(dim);
  for (let k = 0; k < components; k++) for (let j = 0; j < dim; j++) mean[j] += weights[k] * means[k * dim + j];
  return mean;
}

/** Covariance of the mixture (dim * dim): sum_k w_k (diag(sigma_k^2) + mu_k mu_k^T) - mu mu^T. */
export function mixtureCovariance(mixture: GaussianMixture): Float64Array {
  const { dim, components, weights, means, stds } = mixture;
  const mean = mixtureMean(mixture);
  const cov = new Float64Array(dim * dim);
  for (let k = 0; k < components; k++) {
    for (let a = 0; a < dim; a++) {
      const sigma = stds[k * dim + a];
      cov[a * dim + a] += weights[k] * sigma * sigma;
      for (let b = 0; b < dim; b++) cov[a * dim + b] += weights[k] * means[k * dim + a] * means[k * dim + b];
    }
  }
  for (let a = 0; a < dim; a++) for (let b = 0; b < dim; b++) cov[a * dim + b] -= mean[a] * mean[b];
  return cov;
}

/**
 * The mixture pushed through an affine transition x_t = m x_0 + s eps (every linear SDE's
 * marginal): means m mu_k, variances m^2 sigma_k^2 + s^2, same weights.
 */
export function diffuseMixture(mixture: GaussianMixture, mean: number, std: number): GaussianMixture {
  const means = mixture.means.map((mu) => mean * mu);
  const stds = mixture.stds.map((sigma) => Math.sqrt(mean * mean * sigma * sigma + std * std));
  return { ...mixture, means, stds };
}
