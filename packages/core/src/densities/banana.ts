import { finiteArgument, positiveArgument } from '../arguments/arguments.js';
import type { Density } from './density.js';
import { ridgeDensity } from './ridge-density.js';

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
  const offset = curvature * scale * scale;
  return ridgeDensity('banana', { scale, curvature, width }, { scale, width, ridge: (x1) => curvature * x1 * x1 - offset, slope: (x1) => 2 * curvature * x1 });
}
