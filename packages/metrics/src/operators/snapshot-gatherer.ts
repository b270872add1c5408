import { type ParticleBatch, idsOf, positionsOf, stepsOf, timesOf } from '@scoreflow/core';
import { batchDimension } from '../samples/batch-dimension.js';

/** The particles gathered for one step: positions of the lowest ids, in id order. */
export interface Snapshot {
  readonly step: number;
  readonly t: number;
  readonly dim: number;
  /** Row-major positions (n * dim), ordered by id. */
  readonly x: Float32Array;
  /** Their ids, ascending. */
  readonly ids: Uint32Array;
}

/** Collects particle batches by step, keeping the `maxParticles` rows with the lowest ids per step. */
export interface SnapshotGatherer {
  /** Adds a batch (one step value, taken from its first row, as is `t`). Returns the gatherer. */
  add(batch: ParticleBatch): SnapshotGatherer;
  /** The gathered snapshots, by ascending step. */
  snapshots(): Snapshot[];
}

interface Pending {
  readonly step: number;
  readonly t: number;
  ids: Uint32Array;
  x: Float32Array;
  count: number;
  /** Rows with a larger id cannot be among the lowest `maxParticles` any more. */
  cutoff: number;
}

/**
 * A gatherer for `measureSnapshots`. Per step it keeps at most 2 maxParticles rows and prunes to
 * the lowest `maxParticles` ids when full, so the result is the lowest ids whatever the batch size
 * and order, in memory O(maxParticles dim) per step. `fn` names the caller in error messages.
 */
export function createSnapshotGatherer(maxParticles: number, fn = 'createSnapshotGatherer'): SnapshotGatherer {
  const pending = new Map<number, Pending>();
  const dimension = batchDimension(fn);

  const gatherer: SnapshotGatherer = {
    add(batch) {
      const n = batch.numRows;
      if (n === 0) return gatherer;
      const dim = dimension.check(batch);
      const step = stepsOf(batch)[0];
      let state = pending.get(step);
      if (state === undefined) {
        state = { step, t: timesOf(batch)[0], ids: new Uint32Array(0), x: new Float32Array(0), count: 0, cutoff: Infinity };
        pending.set(step, state);
      }
      append(state, idsOf(batch), positionsOf(batch), dim, maxParticles);
      return gatherer;
    },
    snapshots() {
      const { dim } = dimension;
      return [...pending.values()]
        .sort((a, b) => a.step - b.step)
        .map((state) => {
          prune(state, dim, maxParticles);
          return { step: state.step, t: state.t, dim, x: state.x.subarray(0, state.count * dim), ids: state.ids.subarray(0, state.count) };
        });
    },
  };
  return gatherer;
}

function append(state: Pending, ids: Uint32Array, x: Float32Array, dim: number, maxParticles: number): void {
  const capacity = 2 * maxParticles;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (id > state.cutoff) continue;
    if (state.count === state.ids.length) {
      if (state.count >= capacity) {
        prune(state, dim, maxParticles);
        if (id > state.cutoff) continue;
      } else {
        grow(state, dim, Math.min(capacity, Math.max(1024, 2 * state.count, state.count + ids.length - i)));
      }
    }
    state.ids[state.count] = id;
    const to = state.count * dim;
    const from = i * dim;
    for (let j = 0; j < dim; j++) state.x[to + j] = x[from + j];
    state.count++;
  }
}

function grow(state: Pending, dim: number, rows: number): void {
  const ids = new Uint32Array(rows);
  const x = new Float32Array(rows * dim);
  ids.set(state.ids.subarray(0, state.count));
  x.set(state.x.subarray(0, state.count * dim));
  state.ids = ids;
  state.x = x;
}

/** Sorts the rows by id and keeps the lowest `maxParticles`; sets the cutoff once full. */
function prune(state: Pending, dim: number, maxParticles: number): void {
  const order = Array.from({ length: state.count }, (_, i) => i).sort((a, b) => state.ids[a] - state.ids[b]);
  const keep = Math.min(state.count, maxParticles);
  const ids = new Uint32Array(state.ids.length);
  const x = new Float32Array(state.x.length);
  for (let k = 0; k < keep; k++) {
    const row = order[k];
    ids[k] = state.ids[row];
    x.set(state.x.subarray(row * dim, (row + 1) * dim), k * dim);
  }
  state.ids = ids;
  state.x = x;
  state.count = keep;
  if (keep === maxParticles) state.cutoff = ids[keep - 1];
}
