import { type ParticleBatch, type Stage, finalSnapshots } from '@scoreflow/core';
import { type Observable, type OperatorFunction, connect, endWith, ignoreElements, map, merge, takeUntil } from 'rxjs';
import type { RunEvent } from './run-events.js';

/**
 * Runs the source's batches through the stages in order and tags what comes out: every snapshot of
 * stage i as a `snapshot` event of stage i, every record of its `stats` as a `stats` event, while
 * its final snapshots (`finalSnapshots`) go on into stage i + 1. An empty pipeline's events are the
 * source's batches, as stage 0. Each stage's output is shared (`connect`): its events are passed on
 * before the next stage takes the batch, so the stream keeps the order the stages produce.
 */
export function runStages(stages: readonly Stage[]): OperatorFunction<ParticleBatch, RunEvent> {
  return (source) => (stages.length === 0 ? source.pipe(map((batch): RunEvent => ({ type: 'snapshot', stage: 0, batch }))) : through(source, stages, 0));
}

function through(input: Observable<ParticleBatch>, stages: readonly Stage[], index: number): Observable<RunEvent> {
  const stage = stages[index];
  return input.pipe(
    stage,
    connect((output) => {
      const snapshots = output.pipe(map((batch): RunEvent => ({ type: 'snapshot', stage: index, batch })));
      // A stage reports a batch's stats before its output completes: listen until it does.
      const stats = stage.stats.pipe(
        takeUntil(output.pipe(ignoreElements(), endWith(true))),
        map((record): RunEvent => ({ type: 'stats', stage: index, stats: record })),
      );
      return index + 1 === stages.length ? merge(snapshots, stats) : merge(snapshots, stats, through(output.pipe(finalSnapshots()), stages, index + 1));
    }),
  );
}
