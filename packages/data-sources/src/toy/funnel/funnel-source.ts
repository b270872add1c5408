import { type FunnelOptions, type FunnelParameters, funnel, streamId } from '@scoreflow/core';
import { densityPlaneSource } from '../plane-source.js';
import type { DensitySource } from '../density-source.js';

/** Stream of the two standard normals of each particle. */
const NOISE = streamId('funnel/noise');

/**
 * Exact samples of core's `funnel` density (Neal 2003): x1 ~ N(0, s^2), x2 | x1 ~ N(0, exp(x1)),
 * drawn as x1 = s z1, x2 = exp(x1 / 2) z2 with z standard normal (stream `funnel/noise`, step 0).
 * Default s = 3 (`FUNNEL_DEFAULTS`); `density` is `funnel(options)`. No label.
 *
 * @example
 * const source = funnelSource({ scale: 1.5 });
 */
export function funnelSource(options: FunnelOptions = {}): DensitySource<FunnelParameters> {
  return densityPlaneSource(funnel(options), ({ scale }, draws) => (x, range) => {
    const z = draws.normal(range, 2, NOISE);
    for (let i = 0; i < range.count; i++) {
      const x1 = scale * z[2 * i];
      x[2 * i] = x1;
      x[2 * i + 1] = Math.exp(x1 / 2) * z[2 * i + 1];
    }
  });
}
