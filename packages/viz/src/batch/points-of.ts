import { dimOf, labelsOf, positionsOf, stepsOf, timesOf } from '@scoreflow/core';
import { type Batches, batchList } from './batches.js';

/** The particles of batches, ready for `drawScatter`: positions, and labels and times where known. */
export interface ParticlePoints {
  readonly dim: number;
  /** Row-major (n * dim). */
  readonly positions: Float32Array;
  readonly times: Float32Array;
  /** Present when every batch has a `label` column. */
  readonly labels?: Int32Array;
}

/**
 * Concatenates the particles of batches (or of one step of them: `step`), a snapshot or an Arrow
 * table read from `trajectories.arrow`. One batch whole is returned as views (no copy).
 *
 * @example
 * const { positions, labels } = pointsOf(table, { step: 1000 });
 * drawScatter(ctx, frame, positions, { colour: labels && { by: 'label', labels } });
 */
export function pointsOf(batches: Batches, options: { step?: number } = {}): ParticlePoints {
  const list = batchList(batches).filter((batch) => batch.numRows > 0);
  if (list.length === 0) return { dim: 2, positions: new Float32Array(0), times: new Float32Array(0) };
  const dim = dimOf(list[0]);
  const withLabels = list.every((batch) => labelsOf(batch) !== undefined);
  if (list.length === 1 && options.step === undefined) {
    const [batch] = list;
    return { dim, positions: positionsOf(batch), times: timesOf(batch), labels: withLabels ? labelsOf(batch) : undefined };
  }
  const rows: { batch: (typeof list)[number]; keep: (i: number) => boolean }[] = list.map((batch) => {
    const steps = stepsOf(batch);
    return { batch, keep: options.step === undefined ? () => true : (i: number) => steps[i] === options.step };
  });
  let n = 0;
  for (const { batch, keep } of rows) for (let i = 0; i < batch.numRows; i++) if (keep(i)) n++;
  const positions = new Float32Array(n * dim);
  const times = new Float32Array(n);
  const labels = withLabels ? new Int32Array(n) : undefined;
  let k = 0;
  for (const { batch, keep } of rows) {
    const x = positionsOf(batch);
    const t = timesOf(batch);
    const label = labelsOf(batch);
    for (let i = 0; i < batch.numRows; i++) {
      if (!keep(i)) continue;
      positions.set(x.subarray(i * dim, (i + 1) * dim), k * dim);
      times[k] = t[i];
      if (labels !== undefined && label !== undefined) labels[k] = label[i];
      k++;
    }
  }
  return { dim, positions, times, labels };
}
