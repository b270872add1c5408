import { type GaussianMixture, type ScoreModel, type Sde, allocateComponents, countParticles, diffuseComponents } from '@scoreflow/core';

/** The divergence method of a score model (see core's `ScoreModel.divergence`). */
export type Divergence = NonNullable<ScoreModel['divergence']>;

/**
 * The exact divergence of the score of a Gaussian mixture diffused by a linear SDE, in closed form.
 * With p_t = sum_k w_k N(m mu_k, C_k), C_k = diag(v_k), v_kj = m^2 sigma_kj^2 + s^2 (see
 * `mixtureScore`), per-component scores s_k = -C_k^-1 (x - m mu_k), responsibilities r_k and the
 * mixture score s = sum_k r_k s_k, the Hessian of log p_t is
 *
 *   H = sum_k r_k (s_k s_k^T - C_k^-1) - s s^T,
 *
 * so that tr H = sum_k r_k (|s_k|^2 - tr C_k^-1) - |s|^2 (the divergence of the score), and for a
 * probe e, e^T H e = sum_k r_k ((s_k . e)^2 - sum_j e_j^2 / v_kj) - (s . e)^2 (one sample of
 * Hutchinson's estimator, exact for the mixture). In double precision, with the responsibilities
 * by a stable softmax of the log densities (Math.exp: no clamping).
 *
 * @example
 * const divergence = mixtureDivergence(MIXTURE_PRESETS['double-gaussian'](), sde);
 * divergence(x, 0.5, out);        // out[i] = Laplacian of log p_0.5 at x_i
 * divergence(x, 0.5, out, probe); // out[i] = probe_i^T H(x_i) probe_i
 */
export function mixtureDivergence(mixture: GaussianMixture, sde: Sde): Divergence {
  const c = allocateComponents('mixtureDivergence', mixture);
  const { dim, components, centres, precisions, logNormalisers, logits } = c;
  /** s_k of one particle, row-major K * dim. */
  const scores = new Float64Array(components * dim);
  const mixed = new Float64Array(dim);
  return (x, t, out, probe) => {
    const n = countParticles('mixtureDivergence', x, dim, out, 1);
    if (probe !== undefined && probe.length !== x.length) {
      throw new RangeError(`mixtureDivergence: probe holds ${probe.length} values, expected one per coordinate of x (${x.length}).`);
    }
    const { mean, std } = sde.marginal(t);
    diffuseComponents(mixture, mean, std, c);
    for (let i = 0; i < n; i++) {
      const base = i * dim;
      let max = -Infinity;
      for (let k = 0; k < components; k++) {
        let quadratic = 0;
        for (let j = 0; j < dim; j++) {
          const d = centres[k * dim + j] - x[base + j];
          const sk = d * precisions[k * dim + j];
          scores[k * dim + j] = sk;
          quadratic += d * sk;
        }
        logits[k] = logNormalisers[k] - 0.5 * quadratic;
        if (logits[k] > max) max = logits[k];
      }
      let total = 0;
      for (let k = 0; k < components; k++) total += (logits[k] = Math.exp(logits[k] - max));
      mixed.fill(0);
      let sum = 0;
      for (let k = 0; k < components; k++) {
        const r = logits[k] / total;
        // (s_k . e)^2 or |s_k|^2, and sum_j e_j^2 / v_kj (e = 1 for the trace)
        let projected = 0;
        let curvature = 0;
        for (let j = 0; j < dim; j++) {
          const sk = scores[k * dim + j];
          mixed[j] += r * sk;
          if (probe === undefined) {
            projected += sk * sk;
            curvature += precisions[k * dim + j];
          } else {
            const e = probe[base + j];
            projected += sk * e;
            curvature += e * e * precisions[k * dim + j];
          }
        }
        sum += r * ((probe === undefined ? projected : projected * projected) - curvature);
      }
      out[i] = sum - (probe === undefined ? squaredNorm(mixed) : dot(mixed, probe, base) ** 2);
    }
  };
}

/** |v|^2. */
function squaredNorm(v: Float64Array): number {
  let sum = 0;
  for (const value of v) sum += value * value;
  return sum;
}

/** v . e for the particle of `e` starting at `base`. */
function dot(v: Float64Array, e: Float32Array, base: number): number {
  let sum = 0;
  for (let j = 0; j < v.length; j++) sum += v[j] * e[base + j];
  return sum;
}
