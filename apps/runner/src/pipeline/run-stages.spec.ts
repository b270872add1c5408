import { type ParticleBatch, describeStage, idsOf, makeParticleBatch, markFinal, stepsOf } from '@scoreflow/core';
import { concatMap, finalize, from, lastValueFrom, of, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { RunEvent } from './run-events.js';
import { runStages } from './run-stages.js';

const batch = (first: number, n: number) => makeParticleBatch({ x: new Float32Array(n), dim: 1, id: Uint32Array.from({ length: n }, (_, i) => first + i), step: 0, t: 0 });

/** A stage that emits each batch at steps 1 and 2 (the last marked final) and reports its size. */
const twoSteps = () =>
  describeStage({ kind: 'forward', plan: { steps: 2, warmup: 0, snapshotEvery: 1, includeInitial: false } }, (report) =>
    concatMap((input: ParticleBatch) => {
      const at = (step: number) => makeParticleBatch({ x: new Float32Array(input.numRows), dim: 1, id: idsOf(input).slice(), step, t: step });
      return from([at(1), markFinal(at(2))]).pipe(finalize(() => report({ particles: input.numRows, values: { nfe: 2 } })));
    }),
  );

/** An event as `stage:first id@step` (stats: `stage:stats:particles`). */
const show = (event: RunEvent) => (event.type === 'snapshot' ? `${event.stage}:${idsOf(event.batch)[0]}@${stepsOf(event.batch)[0]}` : `${event.stage}:stats:${event.stats.particles}`);

describe('runStages(stages)', () => {
  it("tags every stage's snapshots and carries its stats alongside, each batch's stats after its snapshots, the final snapshots going on to the next stage", async () => {
    const events = await lastValueFrom(from([batch(0, 3), batch(3, 2)]).pipe(runStages([twoSteps(), twoSteps()]), toArray()));
    expect(events.map(show)).toEqual([
      '0:0@1', '0:0@2', '1:0@1', '1:0@2', '1:stats:3', '0:stats:3',
      '0:3@1', '0:3@2', '1:3@1', '1:3@2', '1:stats:2', '0:stats:2',
    ]);
  });

  it("gives an empty pipeline's events as the source's batches, stage 0", async () => {
    const events = await lastValueFrom(of(batch(0, 2)).pipe(runStages([]), toArray()));
    expect(events.map(show)).toEqual(['0:0@0']);
  });
});
