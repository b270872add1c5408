import type { GaussianMixture } from './gaussian-mixture.js';

const LOG_2PI = Math.log(2 * Math.PI);

/**
 * The constants of a Gaussian mixture pushed through the affine transition x_t = m x_0 + s eps
 * (every linear SDE's marginal; core's `diffuseMixture`): component k becomes
 * N(m mu_k, diag(v_k)) with v_kj = m^2 sigma_kj^2 + s^2, and
 *
 *   log p_t(x) = logsumexp_k l_k(x),   l_k(x) = c_k - 1/2 sum_j (x_j - m mu_kj)^2 / v_kj,
 *   c_k = log w_k - 1/2 sum_j log(2 pi v_kj)
 *
 * (the weights are normalised here, should they not sum to 1).
 *
 * Computed once per time (O(K dim)), then used by every particle. Buffers are reused.
 */
export interface DiffusedComponents {
  readonly dim: number;
  /** Number of components K. */
  readonly components: number;
  /** Centres m mu_kj, row-major K * dim. */
  readonly centres: Float64Array;
  /** Precisions 1 / v_kj, row-major K * dim. */
  readonly precisions: Float64Array;
  /** Log normalisers c_k, including log w_k. */
  readonly logNormalisers: Float64Array;
  /** Scratch: the K logits l_k of one particle. */
  readonly logits: Float64Array;
}

/**
 * Checks `mixture` (positive dimension and component count, array lengths, finite means,
 * positive finite weights and standard deviations) and allocates the
 * buffers of its diffused components (fill them with `diffuseComponents`). `fn` names the caller
 * in error messages.
 */
export function allocateComponents(fn: string, mixture: GaussianMixture): DiffusedComponents {
  checkMixture(fn, mixture);
  const { dim, components } = mixture;
  return {
    dim,
    components,
    centres: new Float64Array(components * dim),
    precisions: new Float64Array(components * dim),
    logNormalisers: new Float64Array(components),
    logits: new Float64Array(components),
  };
}

/**
 * Fills `into` with the constants of `mixture` diffused by x_t = mean x_0 + std eps
 * (mean = 1, std = 0: the mixture itself). Returns `into`.
 */
export function diffuseComponents(mixture: GaussianMixture, mean: number, std: number, into: DiffusedComponents): DiffusedComponents {
  const { dim, components, weights, means, stds } = mixture;
  const { centres, precisions, logNormalisers } = into;
  const noise = std * std;
  const scale = mean * mean;
  let total = 0;
  for (let k = 0; k < components; k++) total += weights[k];
  const logTotal = Math.log(total);
  for (let k = 0; k < components; k++) {
    let logNormaliser = Math.log(weights[k]) - logTotal;
    for (let j = k * dim; j < (k + 1) * dim; j++) {
      const variance = scale * stds[j] * stds[j] + noise;
      centres[j] = mean * means[j];
      precisions[j] = 1 / variance;
      logNormaliser -= 0.5 * (LOG_2PI + Math.log(variance));
    }
    logNormalisers[k] = logNormaliser;
  }
  return into;
}

function checkMixture(fn: string, mixture: GaussianMixture): void {
  const { dim, components, weights, means, stds } = mixture;
  const fail = (message: string) => {
    throw new RangeError(`${fn}: ${message}`);
  };
  if (!Number.isInteger(dim) || dim < 1) fail(`the mixture's dim must be an integer >= 1, got ${dim}.`);
  if (!Number.isInteger(components) || components < 1) fail(`the mixture needs at least one component, got ${components}.`);
  if (weights.length !== components) fail(`weights holds ${weights.length} values, expected one per component (${components}).`);
  if (means.length !== components * dim) fail(`means holds ${means.length} values, expected components x dim = ${components * dim}.`);
  if (stds.length !== components * dim) fail(`stds holds ${stds.length} values, expected components x dim = ${components * dim}.`);
  if (!weights.every((w) => Number.isFinite(w) && w > 0)) fail(`weights must be finite and > 0, got [${Array.from(weights).join(', ')}].`);
  if (!means.every(Number.isFinite)) fail('means must be finite.');
  if (!stds.every((s) => Number.isFinite(s) && s > 0)) fail(`stds must be finite and > 0, got [${Array.from(stds).join(', ')}].`);
}
