import { Subject, concatMap, from, lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { idsOf, positionsOf, stagesOf, stepsOf } from '../batch/accessors.js';
import { type ParticleBatch, makeParticleBatch, rangeIds } from '../batch/particle-batch.js';
import { stageTagger } from '../batch/stage-columns.js';
import { wholeSnapshots, wholeSnapshotsOf } from './whole-snapshots.js';

/** What a stage emits for a population in batches of `sizes`: every step of one batch, then the next batch. */
function streamed(sizes: readonly number[], steps: readonly number[]): ParticleBatch[] {
  let first = 0;
  return sizes.flatMap((size) => {
    const ids = rangeIds(first, size);
    first += size;
    return steps.map((step) => makeParticleBatch({ x: Float32Array.from([...ids].flatMap((id) => [id, step])), dim: 2, id: ids, step, t: step }));
  });
}

describe('wholeSnapshots(particles)', () => {
  it('gathers the batches of each step into one batch of the whole population, ordered by id', async () => {
    const batches = streamed([3, 3, 1], [0, 5, 10]);
    const whole = await lastValueFrom(from(batches).pipe(wholeSnapshots(7), toArray()));
    expect(whole.map((batch) => [stepsOf(batch)[0], batch.numRows])).toEqual([[0, 7], [5, 7], [10, 7]]);
    for (const batch of whole) {
      expect([...idsOf(batch)]).toEqual([0, 1, 2, 3, 4, 5, 6]);
      expect(positionsOf(batch)[2 * 6 + 1]).toBe(stepsOf(batch)[0]);
    }
  });

  it('emits a snapshot as soon as its last batch arrives, and drops one never completed', () => {
    const input = new Subject<ParticleBatch>();
    const out: number[] = [];
    let completed = false;
    input.pipe(wholeSnapshots(4)).subscribe({ next: (batch) => out.push(stepsOf(batch)[0]), complete: () => (completed = true) });
    const [a0, a1, b0, b1] = streamed([2, 2], [0, 1]);
    input.next(a0);
    input.next(a1);
    expect(out).toEqual([]);
    input.next(b0);
    expect(out).toEqual([0]);
    input.next(makeParticleBatch({ x: new Float32Array(2), dim: 2, id: 0, step: 2, t: 2 })); // an interrupted step
    input.next(b1);
    expect(out).toEqual([0, 1]);
    input.complete();
    expect(out).toEqual([0, 1]);
    expect(completed).toBe(true);
  });

  it('without particles, emits every snapshot when the source completes', async () => {
    const whole = await lastValueFrom(from(streamed([2, 1], [0, 3])).pipe(wholeSnapshots(), toArray()));
    expect(whole.map((batch) => [stepsOf(batch)[0], batch.numRows])).toEqual([[0, 3], [3, 3]]);
  });

  it('keeps the snapshots of different stages apart when the batches carry the stage column', () => {
    const tag = stageTagger(['forward', 'reverse']);
    const [first, second] = streamed([2], [0]).concat(streamed([2], [0]));
    const whole = wholeSnapshotsOf([tag(first, 0), tag(second, 1)], 2);
    expect(whole.map((batch) => stagesOf(batch)![0])).toEqual([0, 1]);
  });

  it('errors when a snapshot holds more rows than the population, and refuses a bad population size', async () => {
    const error = await lastValueFrom(from(streamed([2, 2], [0])).pipe(wholeSnapshots(3))).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/snapshot at step 0 holds more than 3 particles/);
    expect(() => wholeSnapshots(0)).toThrow(/particles must be an integer >= 1 \(the population size\), got 0/);
    expect(() => wholeSnapshotsOf([], 2.5)).toThrow(/got 2\.5/);
  });

  it('wholeSnapshotsOf(batches) does the same for an array, e.g. the result of toArray()', async () => {
    const batches = streamed([2, 2, 2], [0, 1]);
    const viaOperator = await lastValueFrom(from(batches).pipe(concatMap((batch) => [batch]), wholeSnapshots(6), toArray()));
    const viaArray = wholeSnapshotsOf(batches, 6);
    expect(viaArray.map((batch) => [...positionsOf(batch)])).toEqual(viaOperator.map((batch) => [...positionsOf(batch)]));
    expect(wholeSnapshotsOf(batches.slice(0, 3), 6)).toEqual([]);
  });
});
