import { CholeskyDecomposition, Matrix } from 'ml-matrix';
import { ConfigError } from '../../errors/config-error.js';
import type { GaussianMixture } from '../gaussian-mixture.js';
import { type CovarianceMixture, covarianceMixtureOf, covarianceOf } from './covariance-mixture.js';
import type { LinearObservation } from './linear-observation.js';

const LOG_2PI = Math.log(2 * Math.PI);

/** The law of x given y, and the evidence log p(y). */
export interface MixturePosterior {
  /** p(x | y) = sum_k w'_k N(mu'_k, Sigma'_k). */
  readonly posterior: CovarianceMixture;
  /** log p(y) = log sum_k w_k N(y; A mu_k, A Sigma_k A^T + sigma^2 I). */
  readonly logEvidence: number;
}

/**
 * The exact posterior of a Gaussian mixture prior p(x) = sum_k w_k N(mu_k, Sigma_k) given a linear
 * observation y = A x + N(0, sigma^2 I): again a Gaussian mixture, one Kalman update per component
 * (Kalman 1960; Bishop 2006, eqs. 2.113-2.117; Murphy 2012, section 4.4):
 *
 *   S_k = A Sigma_k A^T + sigma^2 I,   K_k = Sigma_k A^T S_k^-1,
 *   mu'_k = mu_k + K_k (y - A mu_k),    Sigma'_k = (I - K_k A) Sigma_k,
 *   w'_k proportional to w_k N(y; A mu_k, S_k)   (each component's marginal likelihood of y).
 *
 * sigma = 0 is allowed (inpainting: Sigma'_k is singular along A's rows) as long as every S_k is
 * positive definite, i.e. A has independent rows. Weights are normalised by a log-sum-exp, so an
 * observation far in a tail of every component still gives finite weights.
 *
 * @example
 * const { posterior } = mixturePosterior(MIXTURE_PRESETS['double-gaussian'](), linearObservation({ A: [[1, 0]], y: [1.5] }, 2));
 */
export function mixturePosterior(prior: GaussianMixture | CovarianceMixture, observation: LinearObservation): MixturePosterior {
  const mixture = 'covariances' in prior ? prior : covarianceMixtureOf(prior);
  const { dim, components } = mixture;
  if (observation.dim !== dim) throw new ConfigError('A does not fit the mixture', [{ path: 'observation.A', message: `expected ${dim} columns (the mixture's dimension), got ${observation.dim}` }]);
  const k = observation.rows;
  const A = Matrix.from1DArray(k, dim, Array.from(observation.A));
  const y = Matrix.columnVector(Array.from(observation.y));
  const means = new Float64Array(components * dim);
  const covariances = new Float64Array(components * dim * dim);
  const logWeights = new Float64Array(components);
  for (let c = 0; c < components; c++) {
    const mu = Matrix.columnVector(Array.from(mixture.means.subarray(c * dim, (c + 1) * dim)));
    const sigma = Matrix.from1DArray(dim, dim, Array.from(covarianceOf(mixture, c)));
    const crossCovariance = sigma.mmul(A.transpose()); // Sigma A^T, dim x k
    const innovation = A.mmul(crossCovariance); // A Sigma A^T
    for (let r = 0; r < k; r++) innovation.set(r, r, innovation.get(r, r) + observation.sigma ** 2);
    const cholesky = new CholeskyDecomposition(innovation);
    if (!cholesky.isPositiveDefinite()) {
      throw new ConfigError('the observation does not determine a posterior', [
        { path: 'observation.A', message: `A Sigma A^T + sigma^2 I must be positive definite (independent rows of A, or sigma > 0); it is singular for component ${c}` },
      ]);
    }
    const residual = Matrix.sub(y, A.mmul(mu)); // y - A mu
    const solved = cholesky.solve(residual); // S^-1 (y - A mu)
    const L = cholesky.lowerTriangularMatrix;
    let logDet = 0;
    for (let r = 0; r < k; r++) logDet += 2 * Math.log(L.get(r, r));
    logWeights[c] = Math.log(mixture.weights[c]) - 0.5 * (residual.transpose().mmul(solved).get(0, 0) + logDet + k * LOG_2PI);
    const gain = cholesky.solve(crossCovariance.transpose()).transpose(); // K = Sigma A^T S^-1, dim x k
    const mean = Matrix.add(mu, gain.mmul(residual));
    const covariance = Matrix.sub(sigma, gain.mmul(crossCovariance.transpose()));
    for (let i = 0; i < dim; i++) {
      means[c * dim + i] = mean.get(i, 0);
      for (let j = 0; j < dim; j++) {
        // Symmetrised; rounding may leave -1e-17 where the observation pinned a direction.
        const value = 0.5 * (covariance.get(i, j) + covariance.get(j, i));
        covariances[c * dim * dim + i * dim + j] = i === j ? Math.max(value, 0) : value;
      }
    }
  }
  let max = -Infinity;
  for (const l of logWeights) max = Math.max(max, l);
  let sum = 0;
  for (const l of logWeights) sum += Math.exp(l - max);
  const logEvidence = max + Math.log(sum);
  const weights = logWeights.map((l) => Math.exp(l - logEvidence));
  return { posterior: { dim, components, weights, means, covariances }, logEvidence };
}
