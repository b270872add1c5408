import type { Domain } from '../context.js';

/**
 * The range of coordinate `axis` of row-major points (n * dim) between the quantiles `q` and
 * 1 - q (q = 0: min and max), ignoring non-finite values, widened by `pad` of its length on each
 * side. Quantiles keep a few far outliers from shrinking the bulk of a scatter to a dot. Returns
 * undefined when there is no finite value.
 *
 * @example
 * extentOf(new Float32Array([0, 5, 2, 7]), 2, 0); // [0, 2] widened by 5%: [-0.1, 2.1]
 */
export function extentOf(points: ArrayLike<number>, dim: number, axis: number, q = 0, pad = 0.05): Domain | undefined {
  const values: number[] = [];
  for (let i = axis; i < points.length; i += dim) if (Number.isFinite(points[i])) values.push(points[i]);
  if (values.length === 0) return undefined;
  let lo: number;
  let hi: number;
  if (q > 0) {
    values.sort((a, b) => a - b);
    lo = values[Math.floor(q * (values.length - 1))];
    hi = values[Math.ceil((1 - q) * (values.length - 1))];
  } else {
    lo = Infinity;
    hi = -Infinity;
    for (const v of values) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  const span = hi - lo || Math.abs(hi) || 1;
  return [lo - pad * span, hi + pad * span];
}

/** The smallest domain holding every given domain (undefined ones are skipped). */
export function unionOf(...domains: (Domain | undefined)[]): Domain | undefined {
  let lo = Infinity;
  let hi = -Infinity;
  for (const domain of domains) {
    if (domain === undefined) continue;
    lo = Math.min(lo, domain[0]);
    hi = Math.max(hi, domain[1]);
  }
  return lo <= hi ? [lo, hi] : undefined;
}
