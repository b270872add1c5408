import { type FlowPath, type GaussianMixture, type VelocityModel, allocateComponents, countParticles, expClamped } from '@scoreflow/core';

const LOG_2PI = Math.log(2 * Math.PI);

/**
 * The exact marginal velocity of conditional flow matching between two Gaussian mixtures with
 * diagonal covariances, under the independent coupling: source {rho_j, m_j, S_j} at t = 0, target
 * {pi_k, mu_k, Sigma_k} at t = 1, and a conditional path x_t = a x0 + b x1 + c eps (`FlowPath`).
 * Each pair (j, k) of components gives a Gaussian p_t^jk = N(M_jk, C_jk) with
 *
 *   M_jk = a m_j + b mu_k,   C_jk = a^2 S_j + b^2 Sigma_k + c^2 I,
 *
 * and the velocity E[u_t(x | x0, x1) | x_t = x] (Lipman et al. 2023, theorem 1) is
 *
 *   u(x, t) = sum_jk r_jk(x) [ (a' m_j + b' mu_k) + (a' a S_j + b' b Sigma_k + c c' I) C_jk^-1 (x - M_jk) ],
 *
 * with responsibilities r_jk = softmax(log rho_j + log pi_k + log N(x; M_jk, C_jk)) (research note
 * "conditioning-flows-likelihood", section 4). For an N(0, I) source and the straight path it is
 * (x + (1 - t) s(x)) / t with s the target's score at alpha = t, sigma = 1 - t. Its pushforward
 * from the source at t = 0 is the target at t = 1: the flow every trained velocity approximates,
 * and the one that attains the irreducible loss of conditional flow matching.
 *
 * Its `divergence` is exact, in closed form (below), so that the flow's log-likelihood
 * (`flowLogLikelihood` in `@scoreflow/metrics`) can be checked against the mixture's log density.
 *
 * Each call computes the O(J K dim) constants for t once, then one loop over the particles
 * that allocates nothing. `x` and `out` are row-major (n * dim).
 */
export function mixtureFlow(source: GaussianMixture, target: GaussianMixture, path: FlowPath): VelocityModel & Required<Pick<VelocityModel, 'divergence'>> {
  allocateComponents('mixtureFlow (source)', source);
  allocateComponents('mixtureFlow (target)', target);
  if (source.dim !== target.dim) throw new RangeError(`mixtureFlow: the source has dim ${source.dim} and the target ${target.dim}; they must agree.`);
  const { dim } = target;
  const pairs = source.components * target.components;
  const centres = new Float64Array(pairs * dim);
  const gains = new Float64Array(pairs * dim);
  const drifts = new Float64Array(pairs * dim);
  const precisions = new Float64Array(pairs * dim);
  const logNormalisers = new Float64Array(pairs);
  const logits = new Float64Array(pairs);

  function prepare(t: number): void {
    const { a, b, c, da, db, cdc } = path.coefficients(t);
    for (let j = 0; j < source.components; j++) {
      for (let k = 0; k < target.components; k++) {
        const p = j * target.components + k;
        let logNormaliser = Math.log(source.weights[j]) + Math.log(target.weights[k]);
        for (let d = 0; d < dim; d++) {
          const sourceVar = source.stds[j * dim + d] ** 2;
          const targetVar = target.stds[k * dim + d] ** 2;
          const variance = a * a * sourceVar + b * b * targetVar + c * c;
          const q = p * dim + d;
          centres[q] = a * source.means[j * dim + d] + b * target.means[k * dim + d];
          drifts[q] = da * source.means[j * dim + d] + db * target.means[k * dim + d];
          gains[q] = (da * a * sourceVar + db * b * targetVar + cdc) / variance;
          precisions[q] = 1 / variance;
          logNormaliser -= 0.5 * (LOG_2PI + Math.log(variance));
        }
        logNormalisers[p] = logNormaliser;
      }
    }
  }

  /**
   * The unnormalised responsibilities of the pairs at particle `base` into `logits`
   * (exp(logit - max)); returns their sum.
   */
  function weigh(x: Float32Array, base: number): number {
    let max = Number.NEGATIVE_INFINITY;
    for (let p = 0; p < pairs; p++) {
      let quadratic = 0;
      for (let d = 0; d < dim; d++) {
        const diff = x[base + d] - centres[p * dim + d];
        quadratic += diff * diff * precisions[p * dim + d];
      }
      logits[p] = logNormalisers[p] - 0.5 * quadratic;
      if (logits[p] > max) max = logits[p];
    }
    let total = 0;
    for (let p = 0; p < pairs; p++) total += logits[p] = expClamped(logits[p] - max);
    return total;
  }

  const velocity = new Float64Array(dim);
  const meanGrad = new Float64Array(dim);

  return {
    name: 'mixture-flow',
    dim,
    velocity(x: Float32Array, t: number, out: Float32Array): void {
      const n = countParticles('mixtureFlow', x, dim, out, dim);
      prepare(t);
      for (let i = 0; i < n; i++) {
        const base = i * dim;
        const total = weigh(x, base);
        for (let d = 0; d < dim; d++) {
          let sum = 0;
          for (let p = 0; p < pairs; p++) {
            const q = p * dim + d;
            sum += logits[p] * (drifts[q] + gains[q] * (x[base + d] - centres[q]));
          }
          out[base + d] = sum / total;
        }
      }
    },
    /**
     * div u in closed form. With w_jk(x) the pair's velocity (the bracket above), G_jk its gain (a
     * diagonal matrix) and g_jk = -C_jk^-1 (x - M_jk) = grad log N(x; M_jk, C_jk), the responsibilities'
     * gradient is r_jk (g_jk - gbar), gbar = sum r g, so
     *
     *   du/dx = sum_jk r_jk [ G_jk + w_jk (g_jk - gbar)^T ],
     *   div u = sum_jk r_jk [ tr G_jk + w_jk . g_jk ] - u . gbar,
     *   e^T (du/dx) e = sum_jk r_jk [ e^T G_jk e + (e . w_jk) (e . (g_jk - gbar)) ]   (with `probe` e),
     *
     * in double precision.
     */
    divergence(x: Float32Array, t: number, out: Float64Array, probe?: Float32Array): void {
      const n = countParticles('mixtureFlow.divergence', x, dim, out, 1);
      if (probe !== undefined && probe.length !== x.length) throw new RangeError(`mixtureFlow.divergence: probe holds ${probe.length} values, expected ${x.length}.`);
      prepare(t);
      for (let i = 0; i < n; i++) {
        const base = i * dim;
        const total = weigh(x, base);
        velocity.fill(0);
        meanGrad.fill(0);
        for (let p = 0; p < pairs; p++) {
          const r = logits[p] / total;
          for (let d = 0; d < dim; d++) {
            const q = p * dim + d;
            const diff = x[base + d] - centres[q];
            velocity[d] += r * (drifts[q] + gains[q] * diff);
            meanGrad[d] -= r * precisions[q] * diff;
          }
        }
        let sum = 0;
        for (let p = 0; p < pairs; p++) {
          const r = logits[p] / total;
          let own = 0;
          let along = 0;
          let across = 0;
          for (let d = 0; d < dim; d++) {
            const q = p * dim + d;
            const diff = x[base + d] - centres[q];
            const w = drifts[q] + gains[q] * diff;
            const g = -precisions[q] * diff;
            if (probe === undefined) {
              own += gains[q] + w * (g - meanGrad[d]);
            } else {
              const e = probe[base + d];
              own += gains[q] * e * e;
              along += e * w;
              across += e * (g - meanGrad[d]);
            }
          }
          sum += r * (own + along * across);
        }
        out[i] = sum;
      }
    },
  };
}
