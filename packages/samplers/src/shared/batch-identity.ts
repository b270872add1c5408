import { DimensionError, type ParticleBatch, checkParticleBatch, dimOf, idsOf, labelsOf, metadataOf } from '@scoreflow/core';
import type { BatchIdentity } from './snapshot.js';

/** What a stage's particles must match: the dimension of its score model or target. */
export interface DimensionOf {
  readonly dim: number;
  /** Names it in the error, e.g. `score model 'gaussian-mixture'`. */
  readonly what: string;
}

/**
 * The ids, dimension, labels and run metadata of a batch, for a stage's snapshots. This is every
 * stage's entry: a value that is not a particle batch fails here with a `ParticleBatchError`
 * naming the stage `name` (see `checkParticleBatch`), and particles of another dimension than
 * `fits` with a `DimensionError`.
 */
export function identityOf(batch: ParticleBatch, name: string, fits?: DimensionOf): BatchIdentity {
  checkParticleBatch(batch, name);
  const dim = dimOf(batch);
  if (fits !== undefined && fits.dim !== dim) throw new DimensionError(`${name}: ${fits.what} and particles`, fits.dim, dim);
  return { ids: idsOf(batch), dim, label: labelsOf(batch), metadata: metadataOf(batch) };
}
