import { type GaussianMixture, type SdeCoefficients, allocateComponents, diffuseComponents } from '@scoreflow/core';

/** Largest particle dimension the WGSL mixture score takes (positions live in registers). */
export const MAX_GPU_DIM = 16;

/** Floats of one component in a `mixtureTable` row: centres m mu_k (dim), precisions 1 / v_k (dim), log normaliser c_k. */
export const componentStride = (dim: number): number => 2 * dim + 1;

/**
 * The constants of `mixture` diffused to each time of a grid (core's `diffuseComponents`, in
 * float64, then float32): for time i and component k, at (i K + k) (2 dim + 1), the centres
 * m(t) mu_k, the precisions 1 / (m^2 sigma_k^2 + s^2) and c_k = log w_k - sum_j log(2 pi v_kj) / 2.
 * With `sde` absent the mixture itself (m = 1, s = 0), once: an MCMC target.
 */
export function mixtureTable(mixture: GaussianMixture, sde?: SdeCoefficients): Float32Array {
  const components = allocateComponents('mixtureTable', mixture);
  const times = sde?.mean.length ?? 1;
  const stride = componentStride(mixture.dim);
  const table = new Float32Array(times * mixture.components * stride);
  for (let i = 0; i < times; i++) {
    diffuseComponents(mixture, sde?.mean[i] ?? 1, sde?.std[i] ?? 0, components);
    for (let k = 0; k < mixture.components; k++) {
      const base = (i * mixture.components + k) * stride;
      for (let j = 0; j < mixture.dim; j++) {
        table[base + j] = components.centres[k * mixture.dim + j];
        table[base + mixture.dim + j] = components.precisions[k * mixture.dim + j];
      }
      table[base + 2 * mixture.dim] = components.logNormalisers[k];
    }
  }
  return table;
}

/**
 * WGSL of the exact score and log density of a diagonal Gaussian mixture of `components`
 * components in `dim` dimensions, reading the constants of time index `ti` from the storage
 * buffer `mixture` (a `mixtureTable`):
 *
 *   l_k(x) = c_k - 1/2 sum_j (x_j - centre_kj)^2 precision_kj,
 *   log p(x) = logsumexp_k l_k(x),   score(x) = sum_k softmax_k(l) (-(x - centre_k) precision_k),
 *
 * in one pass over the components with a running maximum (the online softmax of Milakov and
 * Gimelshein 2018), so that it stays finite however far x lies from every mode. Declares
 * `const DIM` and `fn mixtureScore(x, ti) -> Vec` with `alias Vec = array<f32, DIM>`.
 */
export function mixtureScoreWgsl(dim: number, components: number): string {
  return /* wgsl */ `
const DIM: u32 = ${dim}u;
const COMPONENTS: u32 = ${components}u;
const COMPONENT_STRIDE: u32 = ${componentStride(dim)}u;
alias Vec = array<f32, DIM>;

struct MixtureValue { logDensity: f32, score: Vec }

fn mixtureAt(x: Vec, ti: u32) -> MixtureValue {
  var largest = -3.0e38;
  var total = 0.0;
  var acc: Vec;
  for (var k = 0u; k < COMPONENTS; k++) {
    let base = (ti * COMPONENTS + k) * COMPONENT_STRIDE;
    var logit = mixture[base + 2u * DIM];
    var pull: Vec;
    for (var j = 0u; j < DIM; j++) {
      let d = x[j] - mixture[base + j];
      let inverseVariance = mixture[base + DIM + j];
      logit -= 0.5 * d * d * inverseVariance;
      pull[j] = -d * inverseVariance;
    }
    if (logit > largest) {
      let scale = exp(largest - logit);
      total = total * scale + 1.0;
      for (var j = 0u; j < DIM; j++) { acc[j] = acc[j] * scale + pull[j]; }
      largest = logit;
    } else {
      let w = exp(logit - largest);
      total += w;
      for (var j = 0u; j < DIM; j++) { acc[j] += w * pull[j]; }
    }
  }
  var value: MixtureValue;
  value.logDensity = largest + log(total);
  for (var j = 0u; j < DIM; j++) { value.score[j] = acc[j] / total; }
  return value;
}

fn mixtureScore(x: Vec, ti: u32) -> Vec { return mixtureAt(x, ti).score; }
`;
}
