import type { ParticleBatch } from '@scoreflow/core';

/** Particle batches as they come: one batch, a list, or an Arrow `Table` (anything with `batches`). */
export type Batches = ParticleBatch | readonly ParticleBatch[] | { readonly batches: readonly ParticleBatch[] };

/** The batches as a list: a list as it is, a table's `batches`, or the one batch. */
export function batchList(batches: Batches): readonly ParticleBatch[] {
  if (Array.isArray(batches)) return batches;
  const table = (batches as { batches?: readonly ParticleBatch[] }).batches;
  return Array.isArray(table) ? table : [batches as ParticleBatch];
}
