import { streamId } from '@scoreflow/core';
import { densityPlaneSource } from '../plane-source.js';
import type { DensitySource } from '../density-source.js';
import { type CheckerboardOptions, type CheckerboardParameters, checkerboardDensity } from './checkerboard-density.js';

/** Stream of the three uniforms of each particle. */
const POSITION = streamId('checkerboard/position');

/**
 * Exact samples of the checkerboard (FFJORD's `checkerboard`, Grathwohl et al. 2019), its recipe
 * with keyed uniforms u1, u2, u3 (stream `checkerboard/position`, step 0):
 *   x1 = 4 u1 - 2,   x2 = u2 - 2 [u3 < 1/2] + (floor(x1) mod 2),   x = 2 scale (x1, x2),
 * which is uniform on the dark squares of `checkerboardDensity(scale)`: x1 is uniform on [-2, 2),
 * and given the column floor(x1), x2 is uniform on the two unit rows of the same parity. No label.
 *
 * @example
 * const source = checkerboardSource(); // uniform on 8 squares of side 2 in [-4, 4]^2
 */
export function checkerboardSource(options: CheckerboardOptions = {}): DensitySource<CheckerboardParameters> {
  return densityPlaneSource(checkerboardDensity(options), ({ scale }, draws) => (x, range) => {
    const u = draws.uniform(range, 3, POSITION);
    for (let i = 0; i < range.count; i++) {
      const x1 = 4 * u[3 * i] - 2;
      const x2 = u[3 * i + 1] - (u[3 * i + 2] < 0.5 ? 2 : 0) + (Math.floor(x1) & 1);
      x[2 * i] = 2 * scale * x1;
      x[2 * i + 1] = 2 * scale * x2;
    }
  });
}
