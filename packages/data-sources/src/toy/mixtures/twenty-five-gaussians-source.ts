import { gaussianMixture, positiveArgument } from '@scoreflow/core';
import type { DensitySource } from '../density-source.js';
import { mixtureToySource } from './mixture-toy-source.js';

/** Options of `twentyFiveGaussiansSource`; every point is `scale * (m_ij + std * z)`. */
export interface TwentyFiveGaussiansOptions {
  /** Multiplies every point (> 0): neighbouring means are scale / sqrt(2) apart. Defaults to 1. */
  readonly scale?: number;
  /** Standard deviation of each component before `scale` (> 0). Defaults to 0.05 / sqrt(8). */
  readonly std?: number;
}

export type TwentyFiveGaussiansParameters = Required<TwentyFiveGaussiansOptions>;

/** Defaults: the WGAN-GP set (grid spacing 2, std 0.05, divided by 2.828, here sqrt(8)). */
export const TWENTY_FIVE_GAUSSIANS_DEFAULTS: TwentyFiveGaussiansParameters = Object.freeze({ scale: 1, std: 0.05 / Math.sqrt(8) });

/**
 * Twenty-five equal Gaussians on a 5 x 5 grid, the `25gaussians` toy set of Gulrajani et al.,
 * "Improved training of Wasserstein GANs" (2017, `gan_toy.py`): means 2 (i, j) for i, j in
 * {-2, ..., 2}, std 0.05, the set divided by 2.828 (here sqrt(8)), then multiplied by `scale`:
 *
 *     p(x) = (1/25) sum_{i,j} N(x; scale m_ij, (scale std)^2 I),   m_ij = (i, j) / sqrt(2).
 *
 * The component k = 5 (i + 2) + (j + 2) is the label; `density` is the exact mixture density.
 *
 * @example
 * const source = twentyFiveGaussiansSource({ scale: Math.SQRT2, std: 0.1 }); // means on the integer grid
 */
export function twentyFiveGaussiansSource(options: TwentyFiveGaussiansOptions = {}): DensitySource<TwentyFiveGaussiansParameters> {
  const scale = positiveArgument('twentyFiveGaussiansSource', 'scale', options.scale ?? TWENTY_FIVE_GAUSSIANS_DEFAULTS.scale);
  const std = positiveArgument('twentyFiveGaussiansSource', 'std', options.std ?? TWENTY_FIVE_GAUSSIANS_DEFAULTS.std);
  const means: number[][] = [];
  for (let i = -2; i <= 2; i++) for (let j = -2; j <= 2; j++) means.push([(scale * i) / Math.SQRT2, (scale * j) / Math.SQRT2]);
  return mixtureToySource('twenty-five-gaussians', gaussianMixture({ means, std: scale * std }), { scale, std });
}
