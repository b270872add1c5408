import { type DataSource, positiveArgument, streamId } from '@scoreflow/core';
import { labelledPlaneSource } from '../plane-source.js';
import { type NoiseAndScale, noiseAndScale } from '../noise-and-scale.js';

/** Stream of the uniform that places each particle on its circle. */
const ANGLE = streamId('circles/angle');
/** Stream of the two standard normals of each particle's noise. */
const NOISE = streamId('circles/noise');

/** Parameters of `circlesSource`: `factor`, `noise` (default 0) and `scale` (default 1). */
export interface CirclesOptions extends NoiseAndScale {
  /** Radius of the inner circle, the outer one being 1 (0 <= factor < 1). Defaults to 0.5. */
  readonly factor?: number;
}

/** Defaults of `circlesSource` (the factor is FFJORD's 0.5; scikit-learn's default is 0.8). */
export const CIRCLES_DEFAULTS = { factor: 0.5, noise: 0, scale: 1 } as const;

/**
 * Two concentric circles, scikit-learn's `make_circles`: the outer circle (label 0) has radius 1,
 * the inner one (label 1) radius `factor`; x = scale * (r (cos theta, sin theta) + noise * z).
 * The circle comes from the parity of the particle's id (even: outer), so an even count splits
 * exactly in half as in `make_circles`; theta = 2 pi u with u uniform and keyed by id (where
 * `make_circles` spaces theta evenly). Streams `circles/angle` and `circles/noise`, step 0.
 *
 * No closed-form density (a measure on curves, or an integral over them with noise).
 *
 * @example
 * const source = circlesSource({ factor: 0.5, noise: 0.08, scale: 3 }); // FFJORD's `circles`
 */
export function circlesSource(options: CirclesOptions = {}): DataSource {
  const fn = 'circlesSource';
  const factor = positiveArgument(fn, 'factor', options.factor ?? CIRCLES_DEFAULTS.factor, true);
  if (factor >= 1) throw new RangeError(`${fn}: 'factor' must be < 1 (the inner radius, the outer being 1), got ${factor}.`);
  const { noise, scale } = noiseAndScale(fn, options, CIRCLES_DEFAULTS);
  return labelledPlaneSource('circles', (draws) => (x, range, labels) => {
    const u = draws.uniform(range, 1, ANGLE);
    const z = draws.normal(range, 2, NOISE);
    for (let i = 0; i < range.count; i++) {
      const theta = 2 * Math.PI * u[i];
      const circle = (range.first + i) & 1;
      const r = circle === 0 ? 1 : factor;
      labels[i] = circle;
      x[2 * i] = scale * (r * Math.cos(theta) + noise * z[2 * i]);
      x[2 * i + 1] = scale * (r * Math.sin(theta) + noise * z[2 * i + 1]);
    }
  });
}
