import { describe, expect, it } from 'vitest';
import { lastValueFrom, take, tap, toArray } from 'rxjs';
import { createRunContext, idsOf, labelsOf, positionsOf } from '@scoreflow/core';
import { DataFileError } from './data-file-error.js';
import { emitRowBlocks } from './emit-row-blocks.js';
import type { RowBlock } from './row-block.js';
import { untilError } from './testing/until-error.js';

/** A reader of `total` 2-D rows (row i = (i, -i), label i % 3) in blocks of the given sizes, cycling; records what happened. */
function fakeReader(total: number, sizes: readonly number[], failAt?: number) {
  const log = { limits: [] as number[], blocks: 0, closed: false };
  const read = (limit: number) => {
    log.limits.push(limit);
    return (async function* (): AsyncGenerator<RowBlock> {
      try {
        let row = 0;
        for (let k = 0; row < Math.min(total, limit); k++) {
          let n = Math.min(sizes[k % sizes.length], Math.min(total, limit) - row);
          if (failAt !== undefined && row + n > failAt) n = failAt - row;
          const x = Float32Array.from({ length: 2 * n }, (_, j) => (j % 2 === 0 ? row + (j >> 1) : -(row + (j >> 1))));
          const labels = Int32Array.from({ length: n }, (_, i) => (row + i) % 3);
          if (n > 0) {
            log.blocks++;
            yield { rows: n, x, labels };
          }
          row += n;
          if (row === failAt) throw new DataFileError('fake.csv', 'bad row', { row: failAt + 1 });
        }
      } finally {
        log.closed = true;
      }
    })();
  };
  return { read, log };
}
const file = { file: 'fake.csv', dim: 2, label: true };

describe('emitRowBlocks(ctx, file, read)', () => {
  it('re-batches blocks of any size into batches of ctx.batchSize, ids 0.. in file order', async () => {
    const { read } = fakeReader(2500, [1, 333, 4096, 7]);
    const batches = await lastValueFrom(emitRowBlocks(createRunContext({ dim: 2, particles: 2500, batchSize: 1000 }), file, read).pipe(toArray()));
    expect(batches.map((b) => b.numRows)).toEqual([1000, 1000, 500]);
    const ids = batches.flatMap((b) => Array.from(idsOf(b)));
    const xs = batches.flatMap((b) => Array.from(positionsOf(b)));
    expect(ids).toEqual(Array.from({ length: 2500 }, (_, i) => i));
    expect(xs.filter((_, j) => j % 2 === 0)).toEqual(ids);
    expect(batches.flatMap((b) => Array.from(labelsOf(b)!))).toEqual(ids.map((i) => i % 3));
  });

  it('asks for ctx.particles rows at most, and stops the reader once it has them', async () => {
    const { read, log } = fakeReader(1_000_000, [600]);
    const batches = await lastValueFrom(emitRowBlocks(createRunContext({ dim: 2, particles: 1000, batchSize: 256 }), file, read).pipe(toArray()));
    expect(batches.map((b) => b.numRows)).toEqual([256, 256, 256, 232]);
    expect(log).toEqual({ limits: [1000], blocks: 2, closed: true });
  });

  it('stops reading and releases the reader when the subscriber unsubscribes', async () => {
    const { read, log } = fakeReader(1_000_000, [100]);
    await lastValueFrom(emitRowBlocks(createRunContext({ dim: 2, particles: 1_000_000, batchSize: 100 }), file, read).pipe(take(2), toArray()));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(log.blocks).toBeLessThanOrEqual(3);
    expect(log.closed).toBe(true);
  });

  it('completes after the batch during which ctx.signal is aborted', async () => {
    const controller = new AbortController();
    const { read, log } = fakeReader(10_000, [100]);
    const ctx = createRunContext({ dim: 2, particles: 10_000, batchSize: 100, signal: controller.signal });
    const batches = await lastValueFrom(emitRowBlocks(ctx, file, read).pipe(tap(() => controller.abort()), toArray()));
    expect(batches).toHaveLength(1);
    expect(log.closed).toBe(true);
  });

  it('emits the full batches before a failing row, never the one holding it', async () => {
    const { read } = fakeReader(1000, [64], 250);
    const { batches, error } = await untilError({ name: 'fake', dim: 2, sample: (ctx) => emitRowBlocks(ctx, file, read) }, createRunContext({ dim: 2, particles: 1000, batchSize: 100 }));
    expect(batches.map((b) => b.numRows)).toEqual([100, 100]);
    expect(error!.message).toBe('fake.csv: row 251: bad row.');
  });

  it('rejects a file without rows, and warns when it has fewer than ctx.particles', async () => {
    const empty = fakeReader(0, [10]);
    const ctx = createRunContext({ dim: 2, particles: 10 });
    await expect(lastValueFrom(emitRowBlocks(ctx, file, empty.read).pipe(toArray()))).rejects.toThrow('fake.csv: no data rows to read.');
    const warnings: string[] = [];
    const logger = { info: () => undefined, debug: () => undefined, warn: (m: string) => warnings.push(m) };
    const few = fakeReader(5, [10]);
    await lastValueFrom(emitRowBlocks(createRunContext({ dim: 2, particles: 10, logger }), file, few.read).pipe(toArray()));
    expect(warnings).toEqual(['fake.csv: read all 5 rows, fewer than the 10 particles asked for.']);
  });
});
