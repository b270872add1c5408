import type { DataSource, Density } from '@scoreflow/core';
import type { LabelledFill, PositionFill } from '../batching/emit-batches.js';
import type { DensitySource } from './density-source.js';
import type { KeyedDraws } from './keyed-draws.js';
import { labelledPlaneSampler, planeSampler } from './plane-sampler.js';

/**
 * A toy set on the plane: its `name`, `dim` 2 and `planeSampler(fill)` as `sample`. No label, no
 * density (a set with a closed form is a `densityPlaneSource`).
 *
 * @example
 * const source = planeSource('swiss-roll', (draws) => (x, range) => { ... });
 */
export function planeSource(name: string, fill: (draws: KeyedDraws) => PositionFill): DataSource {
  return { name, dim: 2, sample: planeSampler(fill) };
}

/** `planeSource` of a labelled set: `fill` also writes each particle's label (`labelledPlaneSampler`). */
export function labelledPlaneSource(name: string, fill: (draws: KeyedDraws) => LabelledFill): DataSource {
  return { name, dim: 2, sample: labelledPlaneSampler(fill) };
}

/**
 * `planeSource` of a set with an exact density, named after it: it carries `density` and says so
 * through `describe()` as `{ kind: 'density', density }`; `fill` reads the density's `parameters`
 * (its options after defaults), so that the sampler draws what the density describes.
 *
 * @example
 * const source = densityPlaneSource(banana(options), ({ scale, curvature, width }, draws) => (x, range) => { ... });
 */
export function densityPlaneSource<P extends object>(density: Density<P>, fill: (parameters: Readonly<P>, draws: KeyedDraws) => PositionFill): DensitySource<P> {
  return { ...planeSource(density.name, (draws) => fill(density.parameters, draws)), density, describe: () => ({ kind: 'density', density }) };
}
