import type { DiffusedComponents } from './diffused-components.js';
import { expClamped } from './exp-clamped.js';

/**
 * Writes the logits l_k(x) = c_k - 1/2 sum_j (x_j - m mu_kj)^2 / v_kj of the particle starting at
 * `x[base]` into `c.logits` and returns their maximum (see `DiffusedComponents`). The one place
 * where the mixture's log density is written out for any K and dim.
 */
function writeLogits(c: DiffusedComponents, x: Float32Array | Float64Array, base: number): number {
  const { dim, components, centres, precisions, logNormalisers, logits } = c;
  let max = -Infinity;
  for (let k = 0; k < components; k++) {
    let quadratic = 0;
    const offset = k * dim;
    for (let j = 0; j < dim; j++) {
      const d = x[base + j] - centres[offset + j];
      quadratic += d * d * precisions[offset + j];
    }
    const logit = logNormalisers[k] - 0.5 * quadratic;
    logits[k] = logit;
    if (logit > max) max = logit;
  }
  return max;
}

/**
 * out[i] = log p(x_i) = max_k l_k + log sum_k exp(l_k - max_k l_k): the log-sum-exp of the logits,
 * stable however far x_i lies from every mode.
 */
export function writeLogDensity(c: DiffusedComponents, x: Float32Array | Float64Array, out: Float64Array): void {
  const { dim, components, logits } = c;
  const n = x.length / dim;
  for (let i = 0; i < n; i++) {
    const max = writeLogits(c, x, i * dim);
    let sum = 0;
    for (let k = 0; k < components; k++) sum += Math.exp(logits[k] - max);
    out[i] = max + Math.log(sum);
  }
}

/**
 * out_i = grad log p(x_i) = sum_k r_k(x_i) (-(x_i - m mu_k) / v_k), with responsibilities
 * r_k = exp(l_k - max) / sum_k' exp(l_k' - max) (a stable softmax of the logits).
 * Dispatches to an unrolled loop for K = 2, dim = 2.
 */
export function writeGradLogDensity(c: DiffusedComponents, x: Float32Array | Float64Array, out: Float32Array): void {
  if (c.components === 2 && c.dim === 2) gradTwoComponentsPlane(c, x, out);
  else writeGradLogDensityGeneric(c, x, out);
}

/** `writeGradLogDensity` for any K and dim (exported for the tests of the unrolled path). */
export function writeGradLogDensityGeneric(c: DiffusedComponents, x: Float32Array | Float64Array, out: Float32Array): void {
  const { dim, components, centres, precisions, logits } = c;
  const n = x.length / dim;
  for (let i = 0; i < n; i++) {
    const base = i * dim;
    const max = writeLogits(c, x, base);
    let sum = 0;
    for (let k = 0; k < components; k++) {
      const e = expClamped(logits[k] - max);
      logits[k] = e;
      sum += e;
    }
    const inverse = 1 / sum;
    for (let j = 0; j < dim; j++) {
      const xj = x[base + j];
      let g = 0;
      for (let k = 0; k < components; k++) g += logits[k] * (centres[k * dim + j] - xj) * precisions[k * dim + j];
      out[base + j] = g * inverse;
    }
  }
}

/**
 * The same formula unrolled for two components in the plane: the softmax of two logits is the
 * logistic function, r_0 = 1 / (1 + exp(l_1 - l_0)), stable as it stands: far from component 0,
 * exp saturates at e^80 and r_0 < 2e-35 (0 for every purpose); far from component 1, r_0 = 1.
 */
function gradTwoComponentsPlane(c: DiffusedComponents, x: Float32Array | Float64Array, out: Float32Array): void {
  const { centres, precisions, logNormalisers } = c;
  const a00 = centres[0];
  const a01 = centres[1];
  const a10 = centres[2];
  const a11 = centres[3];
  const p00 = precisions[0];
  const p01 = precisions[1];
  const p10 = precisions[2];
  const p11 = precisions[3];
  const dc = logNormalisers[1] - logNormalisers[0];
  const end = x.length - 1;
  for (let j = 0; j < end; j += 2) {
    const x0 = x[j];
    const x1 = x[j + 1];
    const d00 = a00 - x0;
    const d01 = a01 - x1;
    const d10 = a10 - x0;
    const d11 = a11 - x1;
    const g00 = d00 * p00;
    const g01 = d01 * p01;
    const g10 = d10 * p10;
    const g11 = d11 * p11;
    // l_1 - l_0
    const z = dc - 0.5 * (d10 * g10 + d11 * g11 - d00 * g00 - d01 * g01);
    const r0 = 1 / (1 + expClamped(z));
    // r_0 g_0 + (1 - r_0) g_1
    out[j] = g10 + r0 * (g00 - g10);
    out[j + 1] = g11 + r0 * (g01 - g11);
  }
}
