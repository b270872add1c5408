import type { VelocityModel } from '@scoreflow/core';

/**
 * The exact marginal velocity of conditional flow matching over a discrete coupling: n pairs
 * (x0_i, x1_i) of equal weight on the straight path x_t = (1 - t) x0 + t x1 + sigma eps, whose
 * conditional velocity is x1 - x0 (I-CFM and OT-CFM, Tong et al. 2024, eq. 14 and 20):
 *
 *   u(x, t) = sum_i r_i(x, t) (x1_i - x0_i),   r_i = softmax_i(-|x - mu_i(t)|^2 / (2 sigma^2)),
 *   mu_i(t) = (1 - t) x0_i + t x1_i,
 *
 * E[u_t | x_t = x] under the coupling, the field a network trained on this minibatch regresses
 * on. For the pairs of an exact minibatch assignment (core's `minibatchCoupling`) it is OT-CFM's;
 * over all n^2 pairs of two point sets it is I-CFM's, which the `mixture-flow` plugin gives too
 * (between mixtures of the points). Responsibilities by an online softmax, so the field stays
 * finite however far x is from every path. `x0`, `x1` and the positions are row-major (n * dim).
 *
 * @example
 * const { x0: a, x1: b } = minibatchCoupling(x0, x1, 2, { method: 'exact' });
 * const otcfm = coupledFlow(a, b, 2, 0.1);
 */
export function coupledFlow(x0: Float32Array, x1: Float32Array, dim: number, sigma: number): VelocityModel {
  if (!(sigma > 0)) throw new RangeError(`coupledFlow: sigma must be > 0, got ${sigma}.`);
  if (!Number.isInteger(dim) || dim < 1) throw new RangeError(`coupledFlow: dim must be an integer >= 1, got ${dim}.`);
  if (x0.length === 0 || x0.length % dim !== 0 || x1.length !== x0.length) {
    throw new RangeError(`coupledFlow: x0 and x1 must hold the same positive number of rows of dim ${dim}, got ${x0.length} and ${x1.length} numbers.`);
  }
  const pairs = x0.length / dim;
  const logits = new Float64Array(pairs);
  const centres = new Float64Array(pairs * dim);
  const precision = 1 / (sigma * sigma);
  return {
    name: 'coupled-flow',
    dim,
    velocity(x: Float32Array, t: number, out: Float32Array): void {
      if (x.length % dim !== 0 || out.length !== x.length) throw new RangeError(`coupledFlow: positions and out must hold rows of dim ${dim} each, got ${x.length} and ${out.length} numbers.`);
      for (let q = 0; q < centres.length; q++) centres[q] = (1 - t) * x0[q] + t * x1[q];
      for (let base = 0; base < x.length; base += dim) {
        let max = Number.NEGATIVE_INFINITY;
        for (let i = 0; i < pairs; i++) {
          let quadratic = 0;
          for (let d = 0; d < dim; d++) quadratic += (x[base + d] - centres[i * dim + d]) ** 2;
          logits[i] = -0.5 * precision * quadratic;
          if (logits[i] > max) max = logits[i];
        }
        let total = 0;
        for (let i = 0; i < pairs; i++) total += logits[i] = Math.exp(logits[i] - max);
        for (let d = 0; d < dim; d++) {
          let sum = 0;
          for (let i = 0; i < pairs; i++) sum += logits[i] * (x1[i * dim + d] - x0[i * dim + d]);
          out[base + d] = sum / total;
        }
      }
    },
  };
}
