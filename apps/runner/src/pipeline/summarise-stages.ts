import { type StageStatsSummary, summariseStats } from '@scoreflow/core';
import { type OperatorFunction, forkJoin, of } from 'rxjs';
import { type RunEvent, statsOf } from './run-events.js';

/**
 * The statistics each of `stages` stages reported (its `stats` events: NFE, acceptance, ...)
 * summarised with core's `summariseStats` when the stream completes, one summary per stage in
 * pipeline order (`{}` for a stage that reported nothing).
 */
export function summariseStages(stages: number): OperatorFunction<RunEvent, StageStatsSummary[]> {
  if (stages === 0) return () => of([]);
  return (events) => forkJoin(Array.from({ length: stages }, (_, stage) => events.pipe(statsOf(stage), summariseStats())));
}
