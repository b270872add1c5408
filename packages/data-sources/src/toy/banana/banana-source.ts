import { type BananaOptions, type BananaParameters, banana, streamId } from '@scoreflow/core';
import { densityPlaneSource } from '../plane-source.js';
import type { DensitySource } from '../density-source.js';

/** Stream of the two standard normals of each particle. */
const NOISE = streamId('banana/noise');

/**
 * Exact samples of core's `banana` density: x1 ~ N(0, s^2), x2 | x1 ~ N(c (x1^2 - s^2), w^2), drawn
 * as x1 = s z1, x2 = c (x1^2 - s^2) + w z2 with z standard normal (stream `banana/noise`, step 0).
 * Defaults s = 2, c = 0.25, w = 1 (`BANANA_DEFAULTS`); `density` is `banana(options)`, whose
 * `parameters` the sampler reads, and which throws on a bad option. No label.
 *
 * @example
 * const source = bananaSource({ curvature: 0.5 });
 */
export function bananaSource(options: BananaOptions = {}): DensitySource<BananaParameters> {
  return densityPlaneSource(banana(options), ({ scale, curvature, width }, draws) => (x, range) => {
    const z = draws.normal(range, 2, NOISE);
    for (let i = 0; i < range.count; i++) {
      const x1 = scale * z[2 * i];
      x[2 * i] = x1;
      x[2 * i + 1] = curvature * (x1 * x1 - scale * scale) + width * z[2 * i + 1];
    }
  });
}
