import { filter } from 'rxjs';
import type { ParticleBatch } from '../batch/particle-batch.js';

const finals = new WeakSet<ParticleBatch>();

/**
 * Marks `batch` as the last snapshot a stage emits for one input batch: the particles a
 * following stage should continue from. In-process only (not stored in files).
 */
export function markFinal(batch: ParticleBatch): ParticleBatch {
  finals.add(batch);
  return batch;
}

/** True for a batch marked by `markFinal`. */
export const isFinal = (batch: ParticleBatch): boolean => finals.has(batch);

/** Keeps the final snapshot of each input batch: chains a stage's end state into the next stage. */
export const finalSnapshots = () => filter(isFinal);
