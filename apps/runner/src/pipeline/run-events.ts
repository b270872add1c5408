import type { ParticleBatch, StageStats } from '@scoreflow/core';
import { type OperatorFunction, filter, map, pipe } from 'rxjs';

/** A snapshot batch of stage `stage` (numbered from 0; the source is stage 0 when the pipeline is empty). */
export interface SnapshotEvent {
  readonly type: 'snapshot';
  readonly stage: number;
  readonly batch: ParticleBatch;
}

/** What stage `stage` did to one input batch (its `Stage.stats` record), after that batch's last snapshot. */
export interface StatsEvent {
  readonly type: 'stats';
  readonly stage: number;
  readonly stats: StageStats;
}

/** What a run's stream carries: every stage's snapshots, and their statistics alongside. */
export type RunEvent = SnapshotEvent | StatsEvent;

/** The snapshot events of a run's stream (stats events are dropped). */
export function snapshotEvents(): OperatorFunction<RunEvent, SnapshotEvent> {
  return filter((event): event is SnapshotEvent => event.type === 'snapshot');
}

/** The snapshot batches of one stage, built from `filter` and `map`. */
export function batchesOf(stage: number): OperatorFunction<RunEvent, ParticleBatch> {
  return pipe(
    filter((event): event is SnapshotEvent => event.type === 'snapshot' && event.stage === stage),
    map((event) => event.batch),
  );
}

/** The statistics records of one stage, built from `filter` and `map`. */
export function statsOf(stage: number): OperatorFunction<RunEvent, StageStats> {
  return pipe(
    filter((event): event is StatsEvent => event.type === 'stats' && event.stage === stage),
    map((event) => event.stats),
  );
}
