import { type DataSource, streamId } from '@scoreflow/core';
import { type NoiseAndScale, noiseAndScale } from '../noise-and-scale.js';
import { planeSource } from '../plane-source.js';

/** Stream of the uniform that places each particle along the roll. */
const POSITION = streamId('swiss-roll/position');
/** Stream of the two standard normals of each particle's noise. */
const NOISE = streamId('swiss-roll/noise');

/** Parameters of `swissRollSource`: `noise` (default 0) and `scale` (default 1). */
export type SwissRollOptions = NoiseAndScale;

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
  const { noise, scale } = noiseAndScale('swissRollSource', options, SWISS_ROLL_DEFAULTS);
  return planeSource('swiss-roll', (draws) => (x, range) => {
    const u = draws.uniform(range, 1, POSITION);
    const z = draws.normal(range, 2, NOISE);
    for (let i = 0; i < range.count; i++) {
      const t = 1.5 * Math.PI * (1 + 2 * u[i]);
      x[2 * i] = scale * (t * Math.cos(t) + noise * z[2 * i]);
      x[2 * i + 1] = scale * (t * Math.sin(t) + noise * z[2 * i + 1]);
    }
  });
}
