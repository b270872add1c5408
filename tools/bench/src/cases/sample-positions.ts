import { type ParticleBatch, collectAll, positionsOf } from '@scoreflow/core';
import type { Observable } from 'rxjs';

/** Positions of every batch, concatenated in order (row-major). */
function concatPositions(batches: readonly ParticleBatch[]): Float32Array {
  const out = new Float32Array(batches.reduce((total, batch) => total + positionsOf(batch).length, 0));
  let offset = 0;
  for (const batch of batches) {
    out.set(positionsOf(batch), offset);
    offset += positionsOf(batch).length;
  }
  return out;
}

/** Drains `batches` (core's `collectAll`) and returns their positions, concatenated in order. */
export const samplePositions = async (batches: Observable<ParticleBatch>): Promise<Float32Array> => concatPositions(await collectAll(batches));
