import type { Metric } from '@scoreflow/core';
import { type MetricRecord, measureSnapshots } from '@scoreflow/metrics';
import { type OperatorFunction, map, merge, of, toArray } from 'rxjs';
import type { ReferenceAt } from './reference-sampler.js';
import { type RunEvent, batchesOf } from './run-events.js';

/** The metrics of one snapshot of one stage. */
export interface StageMetrics extends MetricRecord {
  readonly stage: number;
}

/**
 * Measures each stage's snapshots with the metrics package's `measureSnapshots` (the `limit`
 * lowest ids per step, so that the measured sample does not depend on batching) against the
 * reference at each snapshot's time, and emits every record, by stage then step, when the stream
 * completes. A snapshot of fewer than 2 particles (one MCMC chain) gets empty `values`;
 * `traceChains` measures such a chain's kept states pooled instead. Each record carries the
 * metrics' `settings` (the bandwidth and rows they used). Without a reference: no records.
 */
export function measureStages(stages: number, limit: number, referenceAt: ReferenceAt | undefined, metrics: readonly Metric[]): OperatorFunction<RunEvent, StageMetrics[]> {
  if (referenceAt === undefined) return () => of([]);
  return (events) =>
    merge(
      ...Array.from({ length: stages }, (_, stage) =>
        events.pipe(
          batchesOf(stage),
          measureSnapshots(referenceAt, metrics, { maxParticles: limit, minParticles: 2 }),
          map((record): StageMetrics => ({ stage, ...record })),
        ),
      ),
    ).pipe(toArray());
}
