import type { GaussianMixture } from '@scoreflow/core';

/** The law of x2 given x1 = a under a 2-D mixture with diagonal covariances (`lineConditional`). */
export interface LineConditional {
  /** pi_k(a): the posterior weight of each component. */
  readonly weights: Float64Array;
  /** E[x2 | x1 = a] = sum_k pi_k(a) mu_k2. */
  readonly mean: number;
  /** Var[x2 | x1 = a] = sum_k pi_k(a) (sigma_k2^2 + mu_k2^2) - mean^2. */
  readonly variance: number;
  /** The density p(x2 | x1 = a) = sum_k pi_k(a) N(x2; mu_k2, sigma_k2^2). */
  density(x2: number): number;
}

const normalPdf = (x: number, mean: number, std: number) => Math.exp(-0.5 * ((x - mean) / std) ** 2) / (std * Math.sqrt(2 * Math.PI));

/**
 * The exact conditional of a 2-D Gaussian mixture with diagonal covariances on the line x1 = a
 * (inpainting x1 = a, noise-free): with diagonal covariances x1 and x2 are independent within a
 * component, so p(x2 | x1 = a) = sum_k pi_k(a) N(mu_k2, sigma_k2^2) with
 * pi_k(a) = w_k N(a; mu_k1, sigma_k1^2) / sum_j w_j N(a; mu_j1, sigma_j1^2) (the Kalman update of
 * docs/conditioning.md with A = [1, 0], in closed form). Weights by a softmax of log weights, so
 * a far from every component still gives finite weights.
 */
export function lineConditional(mixture: GaussianMixture, a: number): LineConditional {
  if (mixture.dim !== 2) throw new RangeError(`lineConditional: the mixture must be 2-D, got dim ${mixture.dim}.`);
  const { components, means, stds } = mixture;
  const logits = Float64Array.from({ length: components }, (_, k) => Math.log(mixture.weights[k]) - Math.log(stds[2 * k]) - 0.5 * ((a - means[2 * k]) / stds[2 * k]) ** 2);
  const max = Math.max(...logits);
  const weights = logits.map((logit) => Math.exp(logit - max));
  const total = weights.reduce((sum, w) => sum + w, 0);
  for (let k = 0; k < components; k++) weights[k] /= total;
  let mean = 0;
  let second = 0;
  for (let k = 0; k < components; k++) {
    mean += weights[k] * means[2 * k + 1];
    second += weights[k] * (stds[2 * k + 1] ** 2 + means[2 * k + 1] ** 2);
  }
  return {
    weights,
    mean,
    variance: second - mean * mean,
    density: (x2) => {
      let p = 0;
      for (let k = 0; k < components; k++) p += weights[k] * normalPdf(x2, means[2 * k + 1], stds[2 * k + 1]);
      return p;
    },
  };
}
