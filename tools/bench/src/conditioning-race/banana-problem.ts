import { BANANA_DEFAULTS, type CovarianceMixture } from '@scoreflow/core';
import { RACE_SIGMA } from './conditions.js';
import type { Condition, RaceMixture, RaceProblem } from './race-problem.js';

const { scale: S, curvature: C, width: W } = BANANA_DEFAULTS;

/**
 * The banana (core's `banana`, defaults s = 2, c = 0.25, w = 1: x1 ~ N(0, s^2), x2 | x1 ~
 * N(c (x1^2 - s^2), w^2)) as a Gaussian mixture, so that diffusion has its score at every t.
 *
 * Given x1 the banana is Gaussian in x2, so p_t(x) = ∫ N(u; 0, s^2) N(x_t; m (u, c (u^2 - s^2)),
 * diag(s_t^2, m^2 w^2 + s_t^2)) du is a 1-D integral. On the grid u_j = j h,
 * |u_j| <= 5 s, each node smeared over N(u_j, h^2) in x1 and weights ∝ N(u_j; 0, s^2 - h^2) (so that x1's
 * marginal keeps the variance s^2), it is the Gaussian mixture sum_j w_j N((u_j, c (u_j^2 - s^2)),
 * diag(h^2, w^2)), whose diffused score core computes exactly. The smearing moves the ridge by
 * about c h^2 and widens x2 | x1 = a by about (2 c a h)^2 in variance: at h = 0.1 and |a| <= 3.8,
 * 0.0025 and 0.036 against w^2 = 1, a KS distance of x2 | y of at most 0.005 from the banana's
 * (`conditioning-race.spec.ts`), a sixth of the noise floor of 1000 samples.
 */
export function bananaMixture(h = 0.1): RaceMixture {
  const nodes = Math.round((5 * S) / h);
  const means: number[][] = [];
  const weights: number[] = [];
  for (let j = -nodes; j <= nodes; j++) {
    const u = j * h;
    means.push([u, C * (u * u - S * S)]);
    weights.push(Math.exp((-0.5 * u * u) / (S * S - h * h)));
  }
  const total = weights.reduce((sum, w) => sum + w, 0);
  return { means, std: means.map(() => [h, W]), weights: weights.map((w) => w / total) };
}

/**
 * The banana's exact conditional given y = x1 + N(0, sigma_y^2), by quadrature: x1 | y is
 * N(mu, v), v = 1 / (1 / s^2 + 1 / sigma_y^2), mu = v y / sigma_y^2 (a Gaussian prior and
 * likelihood), and x2 | y = ∫ N(x2; c (u^2 - s^2), w^2) N(u; mu, v) du, taken on `nodes` points
 * u = mu + sqrt(v) z, z uniform on [-8, 8], weighted by N(z; 0, 1). Returned as the mixture of
 * those nodes (x1 a point mass at u, x2 ~ N(c (u^2 - s^2), w^2)), whose marginal CDF of x2 is the
 * quadrature of the conditional CDF. Its mean of x2 is c (mu^2 + v - s^2) to the quadrature's accuracy.
 */
export function bananaConditional(y: number, sigma: number, nodes = 801): CovarianceMixture {
  const v = 1 / (1 / (S * S) + 1 / (sigma * sigma));
  const mu = (v * y) / (sigma * sigma);
  const weights = new Float64Array(nodes);
  const means = new Float64Array(2 * nodes);
  const covariances = new Float64Array(4 * nodes);
  let total = 0;
  for (let j = 0; j < nodes; j++) {
    const z = -8 + (16 * j) / (nodes - 1);
    const u = mu + Math.sqrt(v) * z;
    total += weights[j] = Math.exp(-0.5 * z * z);
    means[2 * j] = u;
    means[2 * j + 1] = C * (u * u - S * S);
    covariances[4 * j + 3] = W * W;
  }
  for (let j = 0; j < nodes; j++) weights[j] /= total;
  return { dim: 2, components: nodes, weights, means, covariances };
}

/** `count` conditions x1 = a, a evenly spaced over [-1.9 s, 1.9 s] (as the two-mode problem's, in units of s). */
export function bananaConditions(count: number): Condition[] {
  return Array.from({ length: count }, (_, i) => {
    const a = count === 1 ? 0 : S * (-1.9 + (3.8 * i) / (count - 1));
    const observation = { A: [[1, 0]], y: [a], sigma: RACE_SIGMA };
    return { a, observation, posterior: bananaConditional(a, RACE_SIGMA) };
  });
}

const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

/**
 * The banana problem: its grid mixture (`bananaMixture`) is the prior every contestant is given;
 * samples are measured against the banana's own conditional (`bananaConditional`), by the KS
 * distance of x2 and the error of E[x2 | y], the height of the ridge at a.
 */
export const BANANA_PROBLEM: RaceProblem = {
  name: 'banana',
  title: 'the banana',
  prior: bananaMixture(),
  conditions: bananaConditions,
  summary: {
    label: 'error of E[x2 | y]',
    of: mean,
    exact: (c) => {
      let sum = 0;
      for (let k = 0; k < c.posterior.components; k++) sum += c.posterior.weights[k] * c.posterior.means[2 * k + 1];
      return sum;
    },
    // E |mean of n - E x2| = sqrt(2 / pi) sd / sqrt(n), sd of x2 | y at least w = 1.
    floor: (particles) => (Math.sqrt(2 / Math.PI) * W) / Math.sqrt(particles),
  },
};
