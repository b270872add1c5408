import { type DiffusedSample, diffusedSample } from '@scoreflow/core';

/** The reference distribution at any time t, as a sample (core's `DiffusedSample`). */
export type ReferenceAt = DiffusedSample;

/**
 * The reference sample pushed through the SDE's exact marginal x_t = m(t) x_0 + s(t) eps for each
 * time asked: core's `diffusedSample`, the one place it is written (used by training's score
 * error and the gallery too).
 */
export const referenceSampler = diffusedSample;
