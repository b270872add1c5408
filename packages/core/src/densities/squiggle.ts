import { finiteArgument, positiveArgument } from '../arguments/arguments.js';
import type { Density } from './density.js';
import { ridgeDensity } from './ridge-density.js';

/** Options of `squiggle`; every field has a default (`SQUIGGLE_DEFAULTS`). */
export interface SquiggleOptions {
  /** Standard deviation s of x1 (> 0). */
  readonly scale?: number;
  /** Amplitude a of the wave x2 = a sin(f x1) (any sign). */
  readonly amplitude?: number;
  /** Angular frequency f of the wave, radians per unit of x1 (any sign). */
  readonly frequency?: number;
  /** Standard deviation w of x2 about the wave (> 0). */
  readonly width?: number;
}

/** The options of `squiggle` after defaults (`parameters` of the density). */
export type SquiggleParameters = Required<SquiggleOptions>;

/** s = 2, a = 1.5, f = 1.5, w = 0.4. */
export const SQUIGGLE_DEFAULTS: SquiggleParameters = Object.freeze({ scale: 2, amplitude: 1.5, frequency: 1.5, width: 0.4 });

/**
 * The squiggle (a thin sine-shaped ridge, as in chi-feng's mcmc-demo): x1 ~ N(0, s^2),
 * x2 | x1 ~ N(a sin(f x1), w^2),
 *
 *     log p(x) = -log(2 pi s w) - x1^2 / (2 s^2) - (x2 - a sin(f x1))^2 / (2 w^2)
 *     d/dx1 log p = -x1 / s^2 + a f cos(f x1) r / w^2,   d/dx2 log p = -r / w^2,   r = x2 - a sin(f x1)
 *
 * E x = 0 (sin is odd), Var x1 = s^2. Exact sampling: draw x1, then x2 from its conditional.
 *
 * @example
 * squiggle().logDensity(new Float32Array([0, 0]), new Float64Array(1)); // [-log(2 pi * 2 * 0.4)]
 */
export function squiggle(options: SquiggleOptions = {}): Density<SquiggleParameters> {
  const scale = positiveArgument('squiggle', 'scale', options.scale ?? SQUIGGLE_DEFAULTS.scale);
  const amplitude = finiteArgument('squiggle', 'amplitude', options.amplitude ?? SQUIGGLE_DEFAULTS.amplitude);
  const frequency = finiteArgument('squiggle', 'frequency', options.frequency ?? SQUIGGLE_DEFAULTS.frequency);
  const width = positiveArgument('squiggle', 'width', options.width ?? SQUIGGLE_DEFAULTS.width);
  return ridgeDensity('squiggle', { scale, amplitude, frequency, width }, {
    scale,
    width,
    ridge: (x1) => amplitude * Math.sin(frequency * x1),
    slope: (x1) => amplitude * frequency * Math.cos(frequency * x1),
  });
}
