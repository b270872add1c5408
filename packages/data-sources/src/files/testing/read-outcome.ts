import { type DataSource, createRunContext, dimOf, idsOf, labelsOf, positionsOf, stepsOf } from '@scoreflow/core';
import { untilError } from './until-error.js';

/** How reading a (possibly damaged) file ended (test helper). */
export type ReadOutcome =
  /** An error, thrown when the source was created or ending its stream. */
  | { readonly kind: 'rejected'; readonly at: 'create' | 'sample'; readonly name: string; readonly message: string }
  /** The stream completed: its rows, and what is wrong with its batches (nothing when they are well-formed). */
  | { readonly kind: 'read'; readonly rows: number; readonly problems: readonly string[] };

/**
 * Creates a source with `create` and reads it to its end (at most `particles` rows, batches of
 * 16), classifying how it ended: rejected (the error's class name and message), or read, with
 * the batches checked for what every source promises: the source's `dim`, finite positions,
 * ids `0, 1, ...`, step 0 (test helper).
 */
export async function readOutcome(create: () => DataSource, particles = 10_000): Promise<ReadOutcome> {
  let source: DataSource;
  try {
    source = create();
  } catch (error) {
    return rejected('create', error);
  }
  const { batches, error } = await untilError(source, createRunContext({ dim: source.dim, particles, batchSize: 16, seed: 1 }));
  if (error !== undefined) return rejected('sample', error);
  const problems: string[] = [];
  let rows = 0;
  for (const batch of batches) {
    if (dimOf(batch) !== source.dim) problems.push(`a batch of dimension ${dimOf(batch)}, the source's is ${source.dim}`);
    if (!positionsOf(batch).every(Number.isFinite)) problems.push(`non-finite positions in rows ${rows + 1} to ${rows + batch.numRows}`);
    if (!idsOf(batch).every((id, i) => id === rows + i)) problems.push(`ids out of order from row ${rows + 1}`);
    if (!stepsOf(batch).every((step) => step === 0)) problems.push('a step other than 0');
    const labels = labelsOf(batch);
    if (labels !== undefined && labels.length !== batch.numRows) problems.push('labels of another length than the batch');
    rows += batch.numRows;
  }
  if (rows === 0) problems.push('no rows, and no error');
  return { kind: 'read', rows, problems };
}

const rejected = (at: 'create' | 'sample', error: unknown): ReadOutcome => ({
  kind: 'rejected',
  at,
  name: error instanceof Error ? error.name : typeof error,
  message: error instanceof Error ? error.message : String(error),
});
