import { type DataSource, finiteArgument, streamId } from '@scoreflow/core';
import { noiseAndScale } from '../noise-and-scale.js';
import { labelledPlaneSource } from '../plane-source.js';

/** Stream of the uniform that places each particle along its moon. */
const ANGLE = streamId('two-moons/angle');
/** Stream of the two standard normals of each particle's noise. */
const NOISE = streamId('two-moons/noise');

/** Parameters of `twoMoonsSource`; every point is `scale * (p + noise * z + shift)`. */
export interface TwoMoonsOptions {
  /** Standard deviation of the Gaussian noise per coordinate (>= 0), before `shift` and `scale`. Defaults to 0. */
  readonly noise?: number;
  /** Added to every point after the noise, before `scale`. Defaults to (0, 0). */
  readonly shift?: readonly [number, number];
  /** Multiplies every point (> 0). Defaults to 1. */
  readonly scale?: number;
}

/**
 * Two interleaving half circles, scikit-learn's `make_moons` (sklearn.datasets): the outer moon
 * (label 0) is (cos t, sin t), the inner moon (label 1) is (1 - cos t, 1 - sin t - 0.5), for t in
 * [0, pi]. Each particle gets its moon from the parity of its id (even: outer), so every even
 * count splits exactly in half as `make_moons` does, and t = pi u with u uniform and keyed by id
 * (where `make_moons` spaces t evenly with `linspace`); then x = scale * (p + noise * z + shift)
 * with z standard normal (`make_moons` adds `noise * z` too). Streams `two-moons/angle` and
 * `two-moons/noise`, step 0.
 *
 * No closed-form density: with noise it is an integral over the arcs, without it a measure on curves.
 *
 * @example
 * // The `standard` preset: noise 0.05, shifted by (-0.5, -0.25), scaled by 2 (centred at 0).
 * const source = twoMoonsSource({ noise: 0.05, shift: [-0.5, -0.25], scale: 2 });
 */
export function twoMoonsSource(options: TwoMoonsOptions = {}): DataSource {
  const fn = 'twoMoonsSource';
  const { noise, scale } = noiseAndScale(fn, options, { noise: 0, scale: 1 });
  const [shiftX, shiftY] = options.shift ?? [0, 0];
  finiteArgument(fn, 'shift[0]', shiftX);
  finiteArgument(fn, 'shift[1]', shiftY);
  return labelledPlaneSource('two-moons', (draws) => (x, range, labels) => {
    const u = draws.uniform(range, 1, ANGLE);
    const z = draws.normal(range, 2, NOISE);
    for (let i = 0; i < range.count; i++) {
      const t = Math.PI * u[i];
      const moon = (range.first + i) & 1;
      const px = moon === 0 ? Math.cos(t) : 1 - Math.cos(t);
      const py = moon === 0 ? Math.sin(t) : 1 - Math.sin(t) - 0.5;
      labels[i] = moon;
      x[2 * i] = scale * (px + noise * z[2 * i] + shiftX);
      x[2 * i + 1] = scale * (py + noise * z[2 * i + 1] + shiftY);
    }
  });
}
