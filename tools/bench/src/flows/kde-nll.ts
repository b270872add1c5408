import { type NegativeLogLikelihood, negativeLogLikelihood } from '@scoreflow/metrics';

/** The bandwidths `kdeNll` chooses from. */
export const KDE_BANDWIDTHS = [0.01, 0.02, 0.03, 0.05, 0.07, 0.1, 0.15, 0.2, 0.3] as const;

/** log of the isotropic Gaussian kernel density of 2-D `data` with bandwidth h at each row of `x`, by a stable log-sum-exp. */
function kdeLogDensity(data: Float32Array, h: number, x: Float32Array): Float64Array {
  const n = data.length / 2;
  const m = x.length / 2;
  const out = new Float64Array(m);
  const logits = new Float64Array(n);
  const norm = -Math.log(n) - Math.log(2 * Math.PI * h * h);
  for (let i = 0; i < m; i++) {
    let max = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < n; j++) {
      const dx = x[2 * i] - data[2 * j];
      const dy = x[2 * i + 1] - data[2 * j + 1];
      logits[j] = -(dx * dx + dy * dy) / (2 * h * h);
      if (logits[j] > max) max = logits[j];
    }
    let sum = 0;
    for (let j = 0; j < n; j++) sum += Math.exp(logits[j] - max);
    out[i] = norm + max + Math.log(sum);
  }
  return out;
}

/**
 * A baseline for a flow's NLL: the Gaussian kernel density estimate of `data` (2-D), its bandwidth
 * the one of `KDE_BANDWIDTHS` with the lowest NLL on the held-out points `validation`, measured on
 * `test` (nats per point, with the standard error over the points).
 */
export function kdeNll(data: Float32Array, validation: Float32Array, test: Float32Array): NegativeLogLikelihood & { readonly bandwidth: number } {
  let bandwidth: number = KDE_BANDWIDTHS[0];
  let best = Number.POSITIVE_INFINITY;
  for (const h of KDE_BANDWIDTHS) {
    const { nll } = negativeLogLikelihood(kdeLogDensity(data, h, validation), 2);
    if (nll < best) [best, bandwidth] = [nll, h];
  }
  return { ...negativeLogLikelihood(kdeLogDensity(data, bandwidth, test), 2), bandwidth };
}
