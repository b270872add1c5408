import { type Metric, type ParticleBatch, createRegistry, createRunContext, makeParticleBatch } from '@scoreflow/core';
import { type Observable, from } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { metricPlugins } from '../plugins/metric-plugins.js';
import { gaussianSample } from '../test-support/gaussian-sample.js';
import { measureSnapshots } from './measure-snapshots.js';

const dim = 2;

/** Position of particle `id` at `step`: (id, step), so that every measured row can be traced. */
const position = (id: number, step: number) => [id, step];

/** Batches of particles `ids` at `step` (t = step / 10), `size` per batch. */
function batchesOf(ids: readonly number[], step: number, size: number): ParticleBatch[] {
  const batches: ParticleBatch[] = [];
  for (let start = 0; start < ids.length; start += size) {
    const chunk = ids.slice(start, start + size);
    const x = new Float32Array(chunk.flatMap((id) => position(id, step)));
    batches.push(makeParticleBatch({ x, dim, id: Uint32Array.from(chunk), step, t: step / 10 }));
  }
  return batches;
}

/** A deterministic permutation of 0 .. n - 1 (multiplication by a unit modulo n). */
const shuffled = (n: number, factor: number) => Array.from({ length: n }, (_, i) => (i * factor) % n);

/** Subscribes and collects what arrives until the source completes or errors (metrics are awaited). */
function collect<T>(source: Observable<T>): Promise<{ values: T[]; error: unknown; completed: boolean }> {
  const values: T[] = [];
  return new Promise((resolve) => {
    source.subscribe({
      next: (value) => values.push(value),
      error: (error: unknown) => resolve({ values, error, completed: false }),
      complete: () => resolve({ values, error: undefined, completed: true }),
    });
  });
}

/** A metric that reports the first coordinate of the first and last measured rows and the row count. */
const probe: Metric = {
  name: 'probe',
  measure: (x, reference, d) => ({ first: x[0], last: x[x.length - d], rows: x.length / d, referenceRows: reference.length / d }),
};

const reference = (t: number) => new Float32Array(Math.round(t * 10 + 1) * dim);

describe('measureSnapshots(reference, metrics, { maxParticles })', () => {
  it('emits one record per step, by ascending step, on completion', async () => {
    const batches = [...batchesOf(shuffled(30, 7), 2, 8), ...batchesOf(shuffled(30, 11), 0, 8), ...batchesOf(shuffled(30, 13), 1, 8)];
    const { values, completed } = await collect(from(batches).pipe(measureSnapshots(reference, [probe], { maxParticles: 10 })));
    expect(completed).toBe(true);
    expect(values.map((r) => [r.step, r.t, r.n])).toEqual([
      [0, 0, 10],
      [1, Math.fround(0.1), 10],
      [2, Math.fround(0.2), 10],
    ]);
    // The lowest ids 0..9, in id order; reference(t) is called with each step's t.
    for (const record of values) {
      expect(record.values).toEqual({ first: 0, last: 9, rows: 10, referenceRows: record.step + 1 });
    }
  });

  it('gives the same records whatever the batch size and batch order', async () => {
    const ids = shuffled(500, 37);
    const small = [...batchesOf(ids, 0, 7), ...batchesOf(ids, 1, 7)];
    const large = [...batchesOf(ids, 1, 200), ...batchesOf([...ids].reverse(), 0, 64)].reverse();
    const metric = createRegistry(metricPlugins).create('metric', { type: 'moments' }, { run: createRunContext({ dim }), path: 'metrics.0' });
    const run = async (batches: ParticleBatch[]) => (await collect(from(batches).pipe(measureSnapshots(() => gaussianSample(1, 50, [0, 0], 1), [metric, probe], { maxParticles: 100 })))).values;
    const a = await run(small);
    expect(a).toHaveLength(2);
    expect(await run(large)).toEqual(a);
    expect(a[0].values).toMatchObject({ first: 0, last: 99, rows: 100 });
  });

  it('measures every particle when there are fewer than maxParticles', async () => {
    const { values } = await collect(from(batchesOf([4, 2, 9], 3, 2)).pipe(measureSnapshots(reference, [probe])));
    expect(values).toEqual([{ step: 3, t: Math.fround(0.3), n: 3, values: { first: 2, last: 9, rows: 3, referenceRows: 4 }, settings: {} }]);
  });

  it("keeps the values a metric names in `settings` apart from its measures", async () => {
    const withSettings: Metric = { ...probe, settings: ['rows', 'referenceRows'] };
    const { values } = await collect(from(batchesOf([4, 2, 9], 3, 2)).pipe(measureSnapshots(reference, [withSettings])));
    expect(values[0].values).toEqual({ first: 2, last: 9 });
    expect(values[0].settings).toEqual({ rows: 3, referenceRows: 4 });
  });

  it('gives a step of fewer than minParticles particles empty values and settings, unmeasured', async () => {
    const failing: Metric = { name: 'failing', measure: () => { throw new RangeError('not measured'); } };
    const batches = [...batchesOf([7], 0, 1), ...batchesOf([3, 5], 1, 2)];
    const { values, error } = await collect(from(batches).pipe(measureSnapshots(reference, [failing], { minParticles: 2 })));
    expect(error).toBeInstanceOf(RangeError);
    const { values: records } = await collect(from(batches).pipe(measureSnapshots(reference, [probe], { minParticles: 2 })));
    expect(values).toEqual([{ step: 0, t: 0, n: 1, values: {}, settings: {} }]);
    expect(records[1]).toMatchObject({ step: 1, n: 2, values: { first: 3, last: 5, rows: 2 } });
    expect(() => measureSnapshots(reference, [probe], { minParticles: 0 })).toThrow(/'minParticles' must be an integer >= 1, got 0/);
  });

  it('completes without records for an empty source', async () => {
    expect(await collect(from([] as ParticleBatch[]).pipe(measureSnapshots(reference, [probe])))).toEqual({ values: [], error: undefined, completed: true });
  });

  it('keeps its state per subscription', async () => {
    const measured = from(batchesOf([0, 1, 2], 0, 2)).pipe(measureSnapshots(reference, [probe]));
    expect((await collect(measured)).values).toEqual((await collect(measured)).values);
    expect((await collect(measured)).values[0].n).toBe(3);
  });

  it('sends metric failures and name clashes down the error channel', async () => {
    const failing: Metric = { name: 'failing', measure: () => { throw new RangeError('boom'); } };
    expect((await collect(from(batchesOf([0], 0, 1)).pipe(measureSnapshots(reference, [failing])))).error).toBeInstanceOf(RangeError);
    const clash = await collect(from(batchesOf([0], 0, 1)).pipe(measureSnapshots(reference, [probe, { ...probe, name: 'other' }])));
    expect(String(clash.error)).toMatch(/Metrics 'probe' and 'other' both report 'first'/);
  });

  it('errors on batches of different dimensions', async () => {
    const other = makeParticleBatch({ x: new Float32Array(3), dim: 3, id: 5, step: 0, t: 0 });
    const { error } = await collect(from([...batchesOf([0], 0, 1), other]).pipe(measureSnapshots(reference, [probe])));
    expect(error).toMatchObject({ name: 'DimensionError' });
  });

  it('rejects a bad maxParticles when created', () => {
    expect(() => measureSnapshots(reference, [probe], { maxParticles: 0 })).toThrow(/measureSnapshots: 'maxParticles' must be an integer >= 1, got 0/);
  });
});
