import { LOG_TWO_PI } from './check.js';
import { positiveArgument } from '../arguments/arguments.js';
import type { Density } from './density.js';
import { planeDensity } from './plane-density.js';

/** Options of `funnel`; every field has a default (`FUNNEL_DEFAULTS`). */
export interface FunnelOptions {
  /** Standard deviation s of the log-variance coordinate x1 (> 0). */
  readonly scale?: number;
}

/** The options of `funnel` after defaults (`parameters` of the density). */
export type FunnelParameters = Required<FunnelOptions>;

/** s = 3, Neal's value. */
export const FUNNEL_DEFAULTS: FunnelParameters = Object.freeze({ scale: 3 });

/**
 * Neal's funnel in two dimensions (Neal 2003, "Slice sampling", Annals of Statistics 31, section 8,
 * with one x instead of nine): x1 ~ N(0, s^2), x2 | x1 ~ N(0, exp(x1)), so x1 is the log variance of x2:
 *
 *     log p(x) = -log(2 pi s) - x1^2 / (2 s^2) - x1 / 2 - x2^2 exp(-x1) / 2
 *     d/dx1 log p = -x1 / s^2 - 1/2 + x2^2 exp(-x1) / 2,   d/dx2 log p = -x2 exp(-x1)
 *
 * The neck (x1 << 0) is narrow and steep, the mouth (x1 >> 0) wide and flat: no single step
 * size suits both. E x = 0, Var x1 = s^2, Var x2 = E exp(x1) = exp(s^2 / 2). Exact sampling: draw x1,
 * then x2 = exp(x1 / 2) z. Where exp(-x1) overflows, x2 = 0 gives log p without the x2 term and a
 * zero gradient in x2 (rather than 0 * Infinity = NaN).
 *
 * @example
 * funnel().logDensity(new Float32Array([0, 0]), new Float64Array(1)); // [-log(2 pi * 3)]
 */
export function funnel(options: FunnelOptions = {}): Density<FunnelParameters> {
  const scale = positiveArgument('funnel', 'scale', options.scale ?? FUNNEL_DEFAULTS.scale);
  const logNormaliser = -LOG_TWO_PI - Math.log(scale);
  const precision = 1 / (scale * scale);
  return planeDensity('funnel', { scale }, {
    logDensity(x1, x2) {
      const spread = x2 === 0 ? 0 : x2 * x2 * Math.exp(-x1);
      return logNormaliser - 0.5 * (x1 * x1 * precision + x1 + spread);
    },
    gradLogDensity(x1, x2, out, at) {
      const g2 = x2 === 0 ? 0 : -x2 * Math.exp(-x1);
      out[at] = -x1 * precision - 0.5 - 0.5 * x2 * g2;
      out[at + 1] = g2;
    },
  });
}
