import { LOG_TWO_PI, countPoints } from './check.js';
import { finiteArgument, positiveArgument } from '../arguments/arguments.js';
import type { Density } from './density.js';

/** Options of `banana`; every field has a default (`BANANA_DEFAULTS`). */
export interface BananaOptions {
  /** Standard deviation s of x1 (> 0). */
  readonly scale?: number;
  /** Curvature c of the ridge x2 = c (x1^2 - s^2) (any sign; 0 gives a Gaussian). */
  readonly curvature?: number;
  /** Standard deviation w of x2 about the ridge (> 0). */
  readonly width?: number;
}

/** The options of `banana` after defaults (`parameters` of the density). */
export type BananaParameters = Required<BananaOptions>;

/** s = 2, c = 0.25, w = 1. */
export const BANANA_DEFAULTS: BananaParameters = Object.freeze({ scale: 2, curvature: 0.25, width: 1 });

/**
 * The banana (a Rosenbrock-like curved ridge): x1 ~ N(0, s^2), x2 | x1 ~ N(c (x1^2 - s^2), w^2),
 *
 *     log p(x) = -log(2 pi s w) - x1^2 / (2 s^2) - (x2 - c (x1^2 - s^2))^2 / (2 w^2)
 *     d/dx1 log p = -x1 / s^2 + 2 c x1 r / w^2,   d/dx2 log p = -r / w^2,   r = x2 - c (x1^2 - s^2)
 *
 * It is the "twisted Gaussian" of Haario, Saksman and Tamminen (1999, "Adaptive proposal
 * distribution for random walk Metropolis algorithm", Computational Statistics 14) in two
 * dimensions, whose ridge is x2 = -b (x1^2 - 100) for s = 10, i.e. c = -b. Subtracting c s^2 centres
 * it: E x = 0, Var x1 = s^2, Var x2 = w^2 + 2 c^2 s^4, Cov(x1, x2) = 0 (3 for x2 with the defaults).
 * Exact sampling: draw x1, then x2 from its conditional.
 *
 * @example
 * const target = banana({ curvature: 0.5 });
 * target.logDensity(new Float32Array([0, -2]), new Float64Array(1)); // [-log(2 pi * 2 * 1)]
 */
export function banana(options: BananaOptions = {}): Density<BananaParameters> {
  const scale = positiveArgument('banana', 'scale', options.scale ?? BANANA_DEFAULTS.scale);
  const curvature = finiteArgument('banana', 'curvature', options.curvature ?? BANANA_DEFAULTS.curvature);
  const width = positiveArgument('banana', 'width', options.width ?? BANANA_DEFAULTS.width);
  const logNormaliser = -LOG_TWO_PI - Math.log(scale * width);
  const precision1 = 1 / (scale * scale);
  const precision2 = 1 / (width * width);
  const offset = curvature * scale * scale;
  return Object.freeze({
    name: 'banana',
    dim: 2,
    parameters: Object.freeze({ scale, curvature, width }),
    logDensity(x: Float32Array | Float64Array, out: Float64Array): Float64Array {
      const n = countPoints('banana.logDensity', x, out, 1);
      for (let i = 0; i < n; i++) {
        const x1 = x[2 * i];
        const r = x[2 * i + 1] - (curvature * x1 * x1 - offset);
        out[i] = logNormaliser - 0.5 * (x1 * x1 * precision1 + r * r * precision2);
      }
      return out;
    },
    gradLogDensity(x: Float32Array | Float64Array, out: Float32Array): Float32Array {
      const n = countPoints('banana.gradLogDensity', x, out, 2);
      for (let i = 0; i < n; i++) {
        const x1 = x[2 * i];
        const g2 = -(x[2 * i + 1] - (curvature * x1 * x1 - offset)) * precision2;
        out[2 * i] = -x1 * precision1 - 2 * curvature * x1 * g2;
        out[2 * i + 1] = g2;
      }
      return out;
    },
  });
}
