import { concatMap, finalize, from, lastValueFrom, of, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { type ParticleBatch, makeParticleBatch } from '../batch/particle-batch.js';
import { describeStage } from '../contracts/describe-stage.js';
import type { StageStats } from '../contracts/stage.js';
import { summariseStats, watchStats } from './summarise-stats.js';

const batch = (n: number) => makeParticleBatch({ x: new Float32Array(n), dim: 1, id: Uint32Array.from({ length: n }, (_, i) => i), step: 0, t: 0 });

/** A stage that passes each batch on and reports `nfe` = its row count. */
const counting = () =>
  describeStage({ kind: 'ode', plan: { steps: 1, warmup: 0, snapshotEvery: 1, includeInitial: false } }, (report) =>
    concatMap((input: ParticleBatch) => of(input).pipe(finalize(() => report({ particles: input.numRows, values: { nfe: input.numRows } })))),
  );

describe('summariseStats() and watchStats(stats)', () => {
  const records: StageStats[] = [
    { particles: 1, values: { nfe: 10, acceptance: Number.NaN } },
    { particles: 3, values: { nfe: 20, acceptance: 0.5 } },
  ];
  it('summarise each statistic over particles: the mean weighted by particles, min, max, and leave out non-finite values', async () => {
    const summary = await lastValueFrom(from(records).pipe(summariseStats()));
    expect(summary).toEqual({ nfe: { mean: 17.5, min: 10, max: 20, particles: 4 }, acceptance: { mean: 0.5, min: 0.5, max: 0.5, particles: 3 } });
    const stage = counting();
    const watch = watchStats(stage.stats);
    await lastValueFrom(from([batch(1), batch(3)]).pipe(stage, toArray()));
    watch.unsubscribe();
    expect(watch.summary()).toEqual({ nfe: { mean: 2.5, min: 1, max: 3, particles: 4 } });
  });
  it('summariseStats() gives {} for no record', async () => {
    expect(await lastValueFrom(from([] as StageStats[]).pipe(summariseStats()))).toEqual({});
  });
});
