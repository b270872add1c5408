import type { Observable } from 'rxjs';
import type { ParticleBatch } from '../batch/particle-batch.js';
import type { RunContext } from '../context/run-context.js';

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
}
