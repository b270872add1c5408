import { gaussianMixture, MIXTURE_PRESETS, positiveArgument } from '@scoreflow/core';
import type { DensitySource } from '../density-source.js';
import { mixtureToySource } from './mixture-toy-source.js';

/** Options of `eightGaussiansSource`; every point is `scale * (m_k + std * z)`. */
export interface EightGaussiansOptions {
  /** Multiplies every point (> 0): the means sit on a circle of radius 2 sqrt(2) scale. Defaults to 1. */
  readonly scale?: number;
  /** Standard deviation of each component before `scale` (> 0). Defaults to 0.5 / sqrt(2). */
  readonly std?: number;
}

export type EightGaussiansParameters = Required<EightGaussiansOptions>;

/** Defaults: core's `eight-gaussians` preset, FFJORD's `8gaussians` (radius 4 and std 0.5, divided by sqrt(2)). */
export const EIGHT_GAUSSIANS_DEFAULTS: EightGaussiansParameters = Object.freeze({ scale: 1, std: 0.5 / Math.SQRT2 });

/**
 * Eight equal Gaussians on a ring: core's `eight-gaussians` mixture preset (FFJORD's `8gaussians`,
 * Grathwohl et al. 2019: centres 4 (cos(k pi / 4), sin(k pi / 4)), std 0.5, the set divided by
 * 1.414, here sqrt(2)), with its means m_k and a component std `std`, all multiplied by `scale`:
 *
 *     p(x) = (1/8) sum_k N(x; scale m_k, (scale std)^2 I),   m_k = 2 sqrt(2) (cos(k pi / 4), sin(k pi / 4)).
 *
 * The component k is the label; `density` is the exact mixture density.
 *
 * @example
 * const source = eightGaussiansSource({ std: 0.1 });
 */
export function eightGaussiansSource(options: EightGaussiansOptions = {}): DensitySource<EightGaussiansParameters> {
  const scale = positiveArgument('eightGaussiansSource', 'scale', options.scale ?? EIGHT_GAUSSIANS_DEFAULTS.scale);
  const std = positiveArgument('eightGaussiansSource', 'std', options.std ?? EIGHT_GAUSSIANS_DEFAULTS.std);
  const preset = MIXTURE_PRESETS['eight-gaussians']();
  const means = Array.from({ length: preset.components }, (_, k) => [scale * preset.means[2 * k], scale * preset.means[2 * k + 1]]);
  return mixtureToySource('eight-gaussians', gaussianMixture({ means, std: scale * std }), { scale, std });
}
