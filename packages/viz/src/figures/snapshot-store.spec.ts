import { makeParticleBatch } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { createSnapshotStore } from './snapshot-store.js';

const batch = (first: number, count: number, step: number) =>
  makeParticleBatch({
    x: Float32Array.from({ length: 2 * count }, (_, k) => first + (k >> 1) + step / 100),
    dim: 2,
    id: first,
    step,
    t: step,
    label: Int32Array.from({ length: count }, (_, i) => (first + i) % 3),
  });

describe('createSnapshotStore', () => {
  it('keeps particles 0 .. cap - 1 of every step, in id order, whatever the batching', () => {
    const store = createSnapshotStore(5, 'all');
    // Batch 1 (ids 3 ..) arrives before batch 0 (ids 0 .. 2), as it may not in practice but could.
    for (const step of [0, 10]) store.add(batch(3, 3, step));
    for (const step of [0, 10]) store.add(batch(0, 3, step));
    const [first, second] = store.snapshots();
    expect(first.step).toBe(0);
    expect(second.step).toBe(10);
    expect(second.count).toBe(5);
    expect(Array.from(second.positions.filter((_, k) => k % 2 === 0))).toEqual([0.1, 1.1, 2.1, 3.1, 4.1].map(Math.fround));
    expect(Array.from(second.labels!)).toEqual([0, 1, 2, 0, 1]);
  });

  it('with "last", keeps only the largest step, filled by every batch that reaches it', () => {
    const store = createSnapshotStore(4, 'last');
    for (const step of [0, 5, 10]) store.add(batch(0, 2, step));
    for (const step of [0, 5]) store.add(batch(2, 2, step)); // the second batch stopped at step 5
    const snapshots = store.snapshots();
    expect(snapshots.map((s) => [s.step, s.count])).toEqual([[10, 2]]);
    expect(snapshots[0].positions[4]).toBeNaN();
  });

  it('with a step number, keeps that step only; batches beyond the cap cost nothing', () => {
    const store = createSnapshotStore(2, 5);
    for (const step of [0, 5, 10]) store.add(batch(0, 3, step));
    store.add(batch(100, 3, 5));
    expect(store.snapshots().map((s) => [s.step, s.count])).toEqual([[5, 2]]);
  });
});
