import { type DataSource, streamId } from '@scoreflow/core';
import { type NoiseAndScale, noiseAndScale } from '../noise-and-scale.js';
import { labelledPlaneSource } from '../plane-source.js';

/** Stream of the three uniforms (position along the spiral, two jitters) of each particle. */
const POSITION = streamId('two-spirals/position');
/** Stream of the two standard normals of each particle's noise. */
const NOISE = streamId('two-spirals/noise');

/** Parameters of `twoSpiralsSource`: `noise` (default 0.1) and `scale` (default 1). */
export type TwoSpiralsOptions = NoiseAndScale;

/** Defaults of `twoSpiralsSource`: FFJORD's `2spirals`. */
export const TWO_SPIRALS_DEFAULTS = { noise: 0.1, scale: 1 } as const;

/**
 * Two interleaved spirals, FFJORD's `2spirals` (`toy_data.py`, Grathwohl et al. 2019): with
 * u1, u2, u3 uniform, n = 3 pi sqrt(u1) (540 degrees at most) and
 *   d = (-n cos n + 0.5 u2, n sin n + 0.5 u3),
 * spiral 0 is d / 3 and spiral 1 is -d / 3, then x = scale * (+-d / 3 + noise * z). The spiral
 * (the label) comes from the parity of the particle's id (even: spiral 0), so an even count
 * splits exactly in half as in FFJORD. Streams `two-spirals/position` and `two-spirals/noise`,
 * step 0.
 *
 * No closed-form density (an integral over the spirals and the jitter).
 *
 * @example
 * const source = twoSpiralsSource({ noise: 0.05 });
 */
export function twoSpiralsSource(options: TwoSpiralsOptions = {}): DataSource {
  const { noise, scale } = noiseAndScale('twoSpiralsSource', options, TWO_SPIRALS_DEFAULTS);
  return labelledPlaneSource('two-spirals', (draws) => (x, range, labels) => {
    const u = draws.uniform(range, 3, POSITION);
    const z = draws.normal(range, 2, NOISE);
    for (let i = 0; i < range.count; i++) {
      const n = 3 * Math.PI * Math.sqrt(u[3 * i]);
      const spiral = (range.first + i) & 1;
      const sign = spiral === 0 ? 1 : -1;
      labels[i] = spiral;
      x[2 * i] = scale * ((sign * (-n * Math.cos(n) + 0.5 * u[3 * i + 1])) / 3 + noise * z[2 * i]);
      x[2 * i + 1] = scale * ((sign * (n * Math.sin(n) + 0.5 * u[3 * i + 2])) / 3 + noise * z[2 * i + 1]);
    }
  });
}
