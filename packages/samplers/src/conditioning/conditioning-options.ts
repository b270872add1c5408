import { type LinearObservation, type LinearObservationInit, atConfigPath, linearObservation, observationOptions } from '@scoreflow/core';

/** The `observation` option of the conditioning samplers: core's `{ A, y, sigma }` schema. */
export const observationOption = observationOptions.describe('y = A x + N(0, sigma^2 I): { A, y, sigma } (inpainting x1 = a: A [[1, 0]], y [a])');

/** The parsed `observation` checked against the score model's dimension (a `ConfigError` naming `<path>.observation.A` otherwise). */
export const observationFor = (init: LinearObservationInit, dim: number, path = ''): LinearObservation => atConfigPath(path, () => linearObservation(init, dim));
