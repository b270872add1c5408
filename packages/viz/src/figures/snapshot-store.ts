import { type FigureNeeds, type FigureSnapshot, type ParticleBatch, dimOf, idsOf, labelsOf, positionsOf, stepsOf, timesOf } from '@scoreflow/core';

/** The particles with ids below a cap at one step, as a figure receives them, filled as batches stream past. */
export interface StoredSnapshot extends FigureSnapshot {
  /** Rows filled. */
  count: number;
}

/** Which snapshots a store keeps: every one, only the last step, or one step number. */
export type StepSelection = NonNullable<FigureNeeds['snapshots']>['steps'];

/** Keeps what figures need of a stage's stream; see `createSnapshotStore`. */
export interface SnapshotStore {
  add(batch: ParticleBatch): void;
  /** The kept snapshots, by ascending step. */
  snapshots(): StoredSnapshot[];
}

/**
 * Keeps the particles with ids 0 .. cap - 1 of the snapshots selected, as they stream past, in
 * memory cap * dim * 4 bytes per kept snapshot. Sources number particles 0, 1, ..., so these are
 * the lowest ids whatever the batching; ids ascend within a batch, so a batch is scanned only up
 * to the cap. With `last`, a larger step replaces what was kept and smaller ones are ignored (each
 * input batch walks all steps, so the last step fills up batch by batch).
 */
export function createSnapshotStore(cap: number, select: StepSelection): SnapshotStore {
  const kept = new Map<number, StoredSnapshot>();
  let last = -Infinity;
  return {
    add(batch) {
      if (batch.numRows === 0) return;
      const ids = idsOf(batch);
      if (ids[0] >= cap) return;
      const step = stepsOf(batch)[0];
      if (typeof select === 'number' && step !== select) return;
      if (select === 'last') {
        if (step < last) return;
        if (step > last) kept.clear();
        last = step;
      }
      const dim = dimOf(batch);
      const labels = labelsOf(batch);
      let snapshot = kept.get(step);
      if (snapshot === undefined) {
        snapshot = {
          step,
          t: timesOf(batch)[0],
          dim,
          positions: new Float32Array(cap * dim).fill(Number.NaN),
          labels: labels === undefined ? undefined : new Int32Array(cap),
          count: 0,
        };
        kept.set(step, snapshot);
      }
      const x = positionsOf(batch);
      for (let i = 0; i < ids.length && ids[i] < cap; i++) {
        const id = ids[i];
        if (Number.isNaN(snapshot.positions[id * dim])) snapshot.count++;
        snapshot.positions.set(x.subarray(i * dim, (i + 1) * dim), id * dim);
        if (snapshot.labels !== undefined && labels !== undefined) snapshot.labels[id] = labels[i];
      }
    },
    snapshots: () => [...kept.values()].sort((a, b) => a.step - b.step),
  };
}
