import { type CovarianceMixture, type LinearObservationInit, type MixtureOptions, linearObservation, mixtureFromOptions, mixtureOptionsShape, mixturePosterior, observationOptions, refineMixtureOptions } from '@scoreflow/core';
import { z } from 'zod';

/**
 * The options of the `posterior` score model and target: a Gaussian mixture prior in core's
 * mixture options (`preset`, or `means` with `weights` and `std`) and an `observation`
 * `{ A, y, sigma }` (y = A x + N(0, sigma^2 I); sigma 0 by default).
 *
 * @example
 * posteriorOptions.parse({ preset: 'double-gaussian', observation: { A: [[1, 0]], y: [1] } });
 */
export const posteriorOptions = z
  .strictObject({ ...mixtureOptionsShape, observation: observationOptions.describe('y = A x + N(0, sigma^2 I): { A, y, sigma }') })
  .superRefine(refineMixtureOptions);

/** The posterior mixture p(x | y) that parsed `posteriorOptions` name (core's `mixturePosterior`). */
export function posteriorFromOptions(options: MixtureOptions & { observation: LinearObservationInit }): CovarianceMixture {
  const prior = mixtureFromOptions(options);
  return mixturePosterior(prior, linearObservation(options.observation, prior.dim)).posterior;
}
