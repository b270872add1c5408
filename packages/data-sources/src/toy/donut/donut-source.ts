import { type DonutOptions, type DonutParameters, donut, streamId } from '@scoreflow/core';
import { densityPlaneSource } from '../plane-source.js';
import type { DensitySource } from '../density-source.js';
import { donutRadii } from './donut-radius.js';

/** Stream of the uniform angle of each particle. */
const ANGLE = streamId('donut/angle');

/**
 * Exact samples of core's `donut` density, p(x) proportional to exp(-(|x| - R)^2 / (2 w^2)): the
 * angle theta = 2 pi u is uniform (stream `donut/angle`) and independent of the radius, whose
 * density r exp(-(r - R)^2 / (2 w^2)) on r > 0 is drawn exactly by keyed rejection rounds
 * (`donutRadii`, streams `donut/radius/<round>`); x = r (cos theta, sin theta). Defaults R = 3,
 * w = 0.5 (`DONUT_DEFAULTS`); `density` is `donut(options)`. No label.
 *
 * @example
 * const source = donutSource({ radius: 2, width: 0.25 });
 */
export function donutSource(options: DonutOptions = {}): DensitySource<DonutParameters> {
  return densityPlaneSource(donut(options), ({ radius, width }, draws) => {
    let radii = new Float64Array(0);
    return (x, range) => {
      if (radii.length < range.count) radii = new Float64Array(range.count);
      donutRadii(draws, range, radius, width, radii);
      const u = draws.uniform(range, 1, ANGLE);
      for (let i = 0; i < range.count; i++) {
        const theta = 2 * Math.PI * u[i];
        x[2 * i] = radii[i] * Math.cos(theta);
        x[2 * i + 1] = radii[i] * Math.sin(theta);
      }
    };
  });
}
