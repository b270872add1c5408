import { type DataSource, positiveArgument, streamId } from '@scoreflow/core';
import { planeSampler } from '../plane-sampler.js';

/** Stream of the uniform that places each particle along the roll. */
const POSITION = streamId('swiss-roll/position');
/** Stream of the two standard normals of each particle's noise. */
const NOISE = streamId('swiss-roll/noise');

/** Parameters of `swissRollSource`. */
export interface SwissRollOptions {
  /** Standard deviation of the Gaussian noise per coordinate (>= 0), before `scale`. Defaults to 0. */
  readonly noise?: number;
  /** Multiplies every point (> 0). Defaults to 1. */
  readonly scale?: number;
}

/** Defaults of `swissRollSource` (scikit-learn's; FFJORD's `swissroll` is noise 1, scale 0.2). */
export const SWISS_ROLL_DEFAULTS = { noise: 0, scale: 1 } as const;

/**
 * The Swiss roll of scikit-learn's `make_swiss_roll`, seen along its axis: t = 1.5 pi (1 + 2 u)
 * with u uniform (so t is uniform on [1.5 pi, 4.5 pi]) and x = scale * ((t cos t, t sin t) + noise * z),
 * the (x, z) columns of `make_swiss_roll` (its y = 21 u' is the dropped axis; its noise is
 * per coordinate too). Stream `swiss-roll/position` and `swiss-roll/noise`, step 0. No label.
 *
 * No closed-form density (a measure on a curve, or an integral over it with noise).
 *
 * @example
 * const source = swissRollSource({ noise: 1, scale: 0.2 }); // FFJORD's `swissroll`
 */
export function swissRollSource(options: SwissRollOptions = {}): DataSource {
  const fn = 'swissRollSource';
  const noise = positiveArgument(fn, 'noise', options.noise ?? SWISS_ROLL_DEFAULTS.noise, true);
  const scale = positiveArgument(fn, 'scale', options.scale ?? SWISS_ROLL_DEFAULTS.scale);
  return {
    name: 'swiss-roll',
    dim: 2,
    sample: planeSampler((draws) => (x, range) => {
        const u = draws.uniform(range, 1, POSITION);
        const z = draws.normal(range, 2, NOISE);
        for (let i = 0; i < range.count; i++) {
          const t = 1.5 * Math.PI * (1 + 2 * u[i]);
          x[2 * i] = scale * (t * Math.cos(t) + noise * z[2 * i]);
          x[2 * i + 1] = scale * (t * Math.sin(t) + noise * z[2 * i + 1]);
        }
    }),
  };
}
