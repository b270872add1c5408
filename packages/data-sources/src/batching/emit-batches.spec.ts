import { describe, expect, it } from 'vitest';
import { firstValueFrom, lastValueFrom, take, tap, toArray } from 'rxjs';
import { createRunContext, dimOf, idsOf, labelsOf, metadataOf, positionsOf, stepsOf, timesOf } from '@scoreflow/core';
import { emitBatches } from './emit-batches.js';
import type { BatchRange } from './batch-range.js';

/** A fill that writes x[i * dim + j] = id * 10 + j and counts its calls. */
function countingFill(dim: number) {
  const calls: BatchRange[] = [];
  const fill = (x: Float32Array, range: BatchRange) => {
    calls.push(range);
    for (let i = 0; i < range.count; i++) for (let j = 0; j < dim; j++) x[i * dim + j] = (range.first + i) * 10 + j;
  };
  return { calls, fill };
}

describe('emitBatches(ctx, dim, fill)', () => {
  it('emits ctx.particles particles with ids 0..n-1 in batches of ctx.batchSize, the last one shorter', async () => {
    const ctx = createRunContext({ dim: 3, particles: 2500, batchSize: 1000, name: 'demo', seed: 7 });
    const { fill } = countingFill(3);
    const batches = await lastValueFrom(emitBatches(ctx, 3, fill).pipe(toArray()));
    expect(batches.map((b) => b.numRows)).toEqual([1000, 1000, 500]);
    const ids = batches.flatMap((b) => Array.from(idsOf(b)));
    expect(ids).toEqual(Array.from({ length: 2500 }, (_, i) => i));
    for (const batch of batches) {
      expect(dimOf(batch)).toBe(3);
      expect(batch.schema.metadata.get('dim')).toBe('3');
      expect(metadataOf(batch)).toEqual({ run: 'demo', seed: 7 });
      expect(stepsOf(batch).every((s) => s === 0)).toBe(true);
      expect(timesOf(batch).every((t) => t === 0)).toBe(true);
      expect(labelsOf(batch)).toBeUndefined();
      const x = positionsOf(batch);
      const first = idsOf(batch)[0];
      expect(x[0]).toBe(first * 10);
      expect(x[x.length - 1]).toBe((first + batch.numRows - 1) * 10 + 2);
    }
  });

  it('emits no empty batch when the particles fill the batches exactly', async () => {
    const ctx = createRunContext({ dim: 1, particles: 3000, batchSize: 1000 });
    const batches = await lastValueFrom(emitBatches(ctx, 1, (x) => x.fill(1)).pipe(toArray()));
    expect(batches.map((b) => b.numRows)).toEqual([1000, 1000, 1000]);
  });

  it('passes a range whose ids array is the batch id column', async () => {
    const ctx = createRunContext({ dim: 2, particles: 1500, batchSize: 1024 });
    const { calls, fill } = countingFill(2);
    const batches = await lastValueFrom(emitBatches(ctx, 2, fill).pipe(toArray()));
    expect(calls.map((r) => [r.first, r.count])).toEqual([[0, 1024], [1024, 476]]);
    expect(idsOf(batches[1])).toEqual(calls[1].ids);
  });

  it('sets t and a label column when asked', async () => {
    const ctx = createRunContext({ dim: 2, particles: 10, batchSize: 4 });
    const batches = await lastValueFrom(
      emitBatches(ctx, 2, (_x, range, labels) => labels.set(Array.from(range.ids, (id) => id % 3)), { t: 1.5, label: true }).pipe(toArray()),
    );
    expect(batches.flatMap((b) => Array.from(labelsOf(b)!))).toEqual([0, 1, 2, 0, 1, 2, 0, 1, 2, 0]);
    expect(batches.every((b) => timesOf(b).every((t) => t === 1.5))).toBe(true);
  });

  it('builds only the first batch when the subscriber takes one', async () => {
    const ctx = createRunContext({ dim: 2, particles: 100_000, batchSize: 1000 });
    const { calls, fill } = countingFill(2);
    const taken = await lastValueFrom(emitBatches(ctx, 2, fill).pipe(take(1), toArray()));
    expect(taken).toHaveLength(1);
    expect(calls).toHaveLength(1);

    const again = countingFill(2);
    const first = await firstValueFrom(emitBatches(ctx, 2, again.fill));
    expect(first.numRows).toBe(1000);
    expect(again.calls).toHaveLength(1);
  });

  it('stops after the batch during which ctx.signal is aborted, and completes', async () => {
    const controller = new AbortController();
    const ctx = createRunContext({ dim: 2, particles: 10_000, batchSize: 1000, signal: controller.signal });
    const { calls, fill } = countingFill(2);
    const batches = await lastValueFrom(emitBatches(ctx, 2, fill).pipe(tap(() => controller.abort()), toArray()));
    expect(batches).toHaveLength(1);
    expect(calls).toHaveLength(1);
  });

  it('emits nothing when ctx.signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const ctx = createRunContext({ dim: 2, particles: 10_000, batchSize: 1000, signal: controller.signal });
    const { calls, fill } = countingFill(2);
    expect(await lastValueFrom(emitBatches(ctx, 2, fill).pipe(toArray()))).toEqual([]);
    expect(calls).toHaveLength(0);
  });

  it('lets a timer abort a long source: the loop yields to the event loop', async () => {
    const controller = new AbortController();
    const particles = 200_000;
    const ctx = createRunContext({ dim: 1, particles, batchSize: 1, signal: controller.signal });
    const { calls, fill } = countingFill(1);
    setTimeout(() => controller.abort(), 0);
    const batches = await lastValueFrom(emitBatches(ctx, 1, fill).pipe(toArray()));
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.length).toBeLessThan(particles);
    expect(batches).toHaveLength(calls.length);
  });

  it('sends an error thrown by fill down the error channel', async () => {
    const ctx = createRunContext({ dim: 1, particles: 10, batchSize: 4 });
    const failing = emitBatches(ctx, 1, (_x, range) => {
      if (range.first > 0) throw new Error('fill failed');
    });
    await expect(lastValueFrom(failing.pipe(toArray()))).rejects.toThrow('fill failed');
  });

  it('rejects a dimension that is not an integer >= 1 when called', () => {
    const ctx = createRunContext({ dim: 1 });
    expect(() => emitBatches(ctx, 0, (x) => x.fill(1))).toThrow(/dim must be an integer >= 1, got 0/);
  });
});
