import type { Observable } from 'rxjs';
import type { ParticleBatch } from '../batch/particle-batch.js';
import type { RunContext } from '../context/run-context.js';
import type { Density } from '../densities/density.js';
import type { GaussianMixture } from '../mixture/gaussian-mixture.js';

/**
 * What a data source knows of the law it samples: an exact Gaussian mixture (its score under any
 * linear SDE is known in closed form), an exact density (log p and its gradient), or only samples.
 */
export type DataSourceDescription =
  | { readonly kind: 'mixture'; readonly mixture: GaussianMixture }
  | { readonly kind: 'density'; readonly density: Density }
  | { readonly kind: 'samples' };

/**
 * A data source: produces `ctx.particles` particles with ids 0, 1, ... in batches of at most
 * `ctx.batchSize`, drawing randomness from `ctx.rng` (keyed by id, so the particles do not
 * depend on the batch size).
 */
export interface DataSource {
  readonly name: string;
  /** Dimension of the particles it produces. */
  readonly dim: number;
  /** Streams the particles. */
  sample(ctx: RunContext): Observable<ParticleBatch>;
  /** What it knows of its law (`describeSource` reads it; a source without it gives only samples). */
  describe?(): DataSourceDescription;
}

/**
 * What `source` says it is: its `describe()`, or `{ kind: 'samples' }` when it has none.
 *
 * @example
 * const what = describeSource(source);
 * if (what.kind === 'mixture') score = mixtureScore(what.mixture, sde);
 */
export function describeSource(source: DataSource): DataSourceDescription {
  return source.describe?.() ?? { kind: 'samples' };
}
