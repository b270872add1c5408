import { type CovarianceMixture, gaussianMixture, linearObservation, mixturePosterior } from '@scoreflow/core';

/** The prior of the conditioning race: two Gaussians at (-2, -2) and (2, 2), std 0.8, equal weights (core's mixture options). */
export const RACE_PRIOR = { means: [[-2, -2], [2, 2]], std: 0.8 } as const;

/** Standard deviation of the observation noise: y = x_0 + N(0, 0.05^2). */
export const RACE_SIGMA = 0.05;

/** One condition: the observation x1 = a (noise RACE_SIGMA) and its exact posterior. */
export interface Condition {
  readonly a: number;
  /** The `observation` option of the plugins: { A: [[1, 0]], y: [a], sigma }. */
  readonly observation: { readonly A: number[][]; readonly y: number[]; readonly sigma: number };
  /** p(x | y): a Kalman update per component (core's `mixturePosterior`). */
  readonly posterior: CovarianceMixture;
}

/** `count` conditions x1 = a, a evenly spaced over [-1.9, 1.9]: across the gap, where the mode weights turn. */
export function raceConditions(count: number): Condition[] {
  const prior = gaussianMixture({ means: RACE_PRIOR.means.map((mean) => [...mean]), std: RACE_PRIOR.std });
  return Array.from({ length: count }, (_, i) => {
    const a = count === 1 ? 0 : -1.9 + (3.8 * i) / (count - 1);
    const observation = { A: [[1, 0]], y: [a], sigma: RACE_SIGMA };
    return { a, observation, posterior: mixturePosterior(prior, linearObservation(observation, 2)).posterior };
  });
}
