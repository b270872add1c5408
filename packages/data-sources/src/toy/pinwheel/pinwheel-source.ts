import { type DataSource, finiteArgument, integerArgument, positiveArgument, streamId } from '@scoreflow/core';
import { labelledPlaneSource } from '../plane-source.js';

/** Stream of the two standard normals (radial, tangential) of each particle. */
const NOISE = streamId('pinwheel/noise');

/** Parameters of `pinwheelSource`. */
export interface PinwheelOptions {
  /** Number of arms (an integer >= 1). Defaults to 5. */
  readonly arms?: number;
  /** Standard deviation along an arm (>= 0). Defaults to 0.3. */
  readonly radialStd?: number;
  /** Standard deviation across an arm (>= 0). Defaults to 0.1. */
  readonly tangentialStd?: number;
  /** How fast an arm turns with the distance from the centre. Defaults to 0.25. */
  readonly rate?: number;
  /** Multiplies every point (> 0). Defaults to 1 (FFJORD's set, which includes a factor 2). */
  readonly scale?: number;
}

/** Defaults of `pinwheelSource`: FFJORD's `pinwheel`. */
export const PINWHEEL_DEFAULTS = { arms: 5, radialStd: 0.3, tangentialStd: 0.1, rate: 0.25, scale: 1 } as const;

/**
 * The pinwheel of Johnson et al., "Composing graphical models with neural networks for
 * structured representations and fast inference" (NeurIPS 2016, `make_pinwheel_data`), as in
 * FFJORD's `toy_data.py` (Grathwohl et al. 2019). A particle of arm k (label k = id mod arms) draws
 * f = (1 + radialStd z1, tangentialStd z2), turns it by a = 2 pi k / arms + rate exp(f1) as
 * `einsum('ti,tij->tj', f, [[cos a, -sin a], [sin a, cos a]])` does, and is scaled by 2 (FFJORD's
 * factor; Johnson et al. use 10, i.e. scale 5):
 *   x = 2 scale (f1 cos a + f2 sin a, -f1 sin a + f2 cos a).
 * The arms take turns by id, as the reference draws `num_per_class` points per arm. Stream
 * `pinwheel/noise`, step 0.
 *
 * No closed-form density (the map from f is not one to one in general).
 *
 * @example
 * const source = pinwheelSource({ arms: 3, rate: 0.4 });
 */
export function pinwheelSource(options: PinwheelOptions = {}): DataSource {
  const fn = 'pinwheelSource';
  const arms = integerArgument(fn, 'arms', options.arms ?? PINWHEEL_DEFAULTS.arms, 1);
  const radialStd = positiveArgument(fn, 'radialStd', options.radialStd ?? PINWHEEL_DEFAULTS.radialStd, true);
  const tangentialStd = positiveArgument(fn, 'tangentialStd', options.tangentialStd ?? PINWHEEL_DEFAULTS.tangentialStd, true);
  const rate = finiteArgument(fn, 'rate', options.rate ?? PINWHEEL_DEFAULTS.rate);
  const scale = positiveArgument(fn, 'scale', options.scale ?? PINWHEEL_DEFAULTS.scale);
  return labelledPlaneSource('pinwheel', (draws) => (x, range, labels) => {
    const z = draws.normal(range, 2, NOISE);
    for (let i = 0; i < range.count; i++) {
      const arm = (range.first + i) % arms;
      const f1 = 1 + radialStd * z[2 * i];
      const f2 = tangentialStd * z[2 * i + 1];
      const a = (2 * Math.PI * arm) / arms + rate * Math.exp(f1);
      const cos = Math.cos(a);
      const sin = Math.sin(a);
      labels[i] = arm;
      x[2 * i] = 2 * scale * (f1 * cos + f2 * sin);
      x[2 * i + 1] = 2 * scale * (-f1 * sin + f2 * cos);
    }
  });
}
