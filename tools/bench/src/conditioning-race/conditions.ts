import { gaussianMixture, linearObservation, mixtureMarginalCdf, mixturePosterior } from '@scoreflow/core';
import type { Condition, RaceProblem } from './race-problem.js';

export type { Condition } from './race-problem.js';

/** The prior of the conditioning race: two Gaussians at (-2, -2) and (2, 2), std 0.8, equal weights (core's mixture options). */
export const RACE_PRIOR = { means: [[-2, -2], [2, 2]], std: 0.8 } as const;

/** Standard deviation of the observation noise: y = x_0 + N(0, 0.05^2). */
export const RACE_SIGMA = 0.05;

/** `count` conditions x1 = a, a evenly spaced over [-1.9, 1.9]: across the gap, where the mode weights turn. */
export function raceConditions(count: number): Condition[] {
  const prior = gaussianMixture({ means: RACE_PRIOR.means.map((mean) => [...mean]), std: RACE_PRIOR.std });
  return Array.from({ length: count }, (_, i) => {
    const a = count === 1 ? 0 : -1.9 + (3.8 * i) / (count - 1);
    const observation = { A: [[1, 0]], y: [a], sigma: RACE_SIGMA };
    return { a, observation, posterior: mixturePosterior(prior, linearObservation(observation, 2)).posterior };
  });
}

/** The exact posterior's probability of x2 > 0. */
export const upperShare = (c: Condition): number => 1 - mixtureMarginalCdf(c.posterior, 1, 0);

/** The two-mode problem: the mixture above, its conditionals by Kalman updates, the upper mode's weight. */
export const TWO_MODE_PROBLEM: RaceProblem = {
  name: 'two-mode',
  title: 'a two-mode mixture',
  prior: RACE_PRIOR,
  conditions: raceConditions,
  summary: {
    label: 'mode-weight error',
    of: (x2) => x2.filter((v) => v > 0).length / x2.length,
    exact: upperShare,
    // E |share - p| for a binomial share: about 0.8 sqrt(p (1 - p) / n), 0.4 / sqrt(n) at p = 1/2.
    floor: (particles) => 0.4 / Math.sqrt(particles),
  },
};
