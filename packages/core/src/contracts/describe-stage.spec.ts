import { concatMap, finalize, from, lastValueFrom, of, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { type ParticleBatch, makeParticleBatch } from '../batch/particle-batch.js';
import { describeStage } from './describe-stage.js';
import type { StageStats } from './stage.js';

const plan = { steps: 3, warmup: 0, snapshotEvery: 1, includeInitial: false };
const batch = (n: number) => makeParticleBatch({ x: new Float32Array(n), dim: 1, id: Uint32Array.from({ length: n }, (_, i) => i), step: 0, t: 0 });

/** A stage that passes each batch on and reports `nfe` = its row count. */
const counting = () =>
  describeStage({ kind: 'ode', plan }, (report) =>
    concatMap((input: ParticleBatch) => of(input).pipe(finalize(() => report({ particles: input.numRows, values: { nfe: input.numRows } })))),
  );

describe('describeStage(description, build)', () => {
  it('gives an operator that says its kind and plan', async () => {
    const stage = counting();
    expect(stage.kind).toBe('ode');
    expect(stage.plan).toEqual(plan);
    expect(await lastValueFrom(from([batch(2), batch(3)]).pipe(stage, toArray()))).toHaveLength(2);
  });

  it('emits what the operator reports on `stats`, one record per batch', async () => {
    const stage = counting();
    const records: StageStats[] = [];
    stage.stats.subscribe((record) => records.push(record));
    await lastValueFrom(from([batch(2), batch(3)]).pipe(stage, toArray()));
    expect(records).toEqual([
      { particles: 2, values: { nfe: 2 } },
      { particles: 3, values: { nfe: 3 } },
    ]);
  });

  it('rejects a plan that is not whole steps, naming the field', () => {
    expect(() => describeStage({ kind: 'mcmc', plan: { ...plan, warmup: -1 } }, () => (source) => source)).toThrow(/describeStage: plan.warmup must be an integer >= 0, got -1/);
    expect(() => describeStage({ kind: 'mcmc', plan: { ...plan, snapshotEvery: 0 } }, () => (source) => source)).toThrow(/plan.snapshotEvery must be an integer >= 1, got 0/);
  });
});
