import { type ParticleBatch, dimOf, idsOf, positionsOf, stepsOf, timesOf } from '@scoreflow/core';

/** The measured particles of one snapshot: stage, step, time and positions (n * dim). */
export interface SnapshotGroup {
  readonly stage: number;
  readonly step: number;
  readonly t: number;
  /** Number of particles gathered. */
  readonly n: number;
  readonly x: Float32Array;
}

/**
 * Gathers, for each (stage, step), the particles with the lowest ids (id < `limit`) at the slot
 * of their id: the measured sample is the same whatever the batch size or batch order.
 */
export class SnapshotSample {
  private readonly groups = new Map<string, { stage: number; step: number; t: number; n: number; x: Float32Array; present: Uint8Array }>();

  constructor(
    private readonly limit: number,
    private readonly dim: number,
  ) {}

  add(stage: number, batch: ParticleBatch): void {
    if (batch.numRows === 0) return;
    const ids = idsOf(batch);
    const x = positionsOf(batch);
    const dim = dimOf(batch);
    const step = stepsOf(batch)[0];
    const key = `${stage}:${step}`;
    let group = this.groups.get(key);
    if (group === undefined) {
      group = { stage, step, t: timesOf(batch)[0], n: 0, x: new Float32Array(this.limit * this.dim), present: new Uint8Array(this.limit) };
      this.groups.set(key, group);
    }
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      if (id >= this.limit || group.present[id] === 1) continue;
      group.x.set(x.subarray(i * dim, (i + 1) * dim), id * dim);
      group.present[id] = 1;
      group.n++;
    }
  }

  /** The groups, by stage then step, each with the positions of the particles gathered in id order. */
  snapshots(): SnapshotGroup[] {
    return [...this.groups.values()]
      .sort((a, b) => a.stage - b.stage || a.step - b.step)
      .map(({ stage, step, t, n, x, present }) => ({ stage, step, t, n, x: this.compact(x, present, n) }));
  }

  /** Drops the slots of ids that never arrived (an interrupted run), keeping id order. */
  private compact(x: Float32Array, present: Uint8Array, n: number): Float32Array {
    const dim = this.dim;
    if (present.subarray(0, n).every((flag) => flag === 1)) return x.subarray(0, n * dim);
    const out = new Float32Array(n * dim);
    let row = 0;
    present.forEach((flag, id) => {
      if (flag === 1) out.set(x.subarray(id * dim, (id + 1) * dim), dim * row++);
    });
    return out;
  }
}
