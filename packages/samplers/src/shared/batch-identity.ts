import { type ParticleBatch, dimOf, idsOf, labelsOf, metadataOf } from '@scoreflow/core';
import type { BatchIdentity } from './snapshot.js';

/** The ids, dimension, labels and run metadata of a batch, for a stage's snapshots. */
export function identityOf(batch: ParticleBatch): BatchIdentity {
  return { ids: idsOf(batch), dim: dimOf(batch), label: labelsOf(batch), metadata: metadataOf(batch) };
}
