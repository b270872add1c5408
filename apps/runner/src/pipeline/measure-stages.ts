import type { Metric, ParticleBatch } from '@scoreflow/core';
import { type MetricRecord, createSnapshotGatherer, measureRecord } from '@scoreflow/metrics';
import type { ReferenceAt } from './reference-sampler.js';

/** The metrics of one snapshot of one stage. */
export interface StageMetrics extends MetricRecord {
  readonly stage: number;
}

/**
 * Gathers each stage's snapshots (the `limit` lowest ids per step, so that the measured sample
 * does not depend on batching) and measures them against the reference at each snapshot's time.
 * A snapshot of fewer than 2 particles (one MCMC chain) gets empty `values`; `chainTraces` measures
 * such a chain's kept states pooled instead. Each record carries the metrics' `settings` (the
 * bandwidth and rows they used).
 */
export function stageMeasurer(stages: number, limit: number) {
  const gatherers = Array.from({ length: stages }, () => createSnapshotGatherer(limit, false, 'scoreflow run'));
  return {
    add: (stage: number, batch: ParticleBatch) => gatherers[stage].add(batch),
    measure: (referenceAt: ReferenceAt, metrics: readonly Metric[]): StageMetrics[] =>
      gatherers.flatMap((gatherer, stage) =>
        gatherer.snapshots().map((snapshot) =>
          snapshot.ids.length >= 2
            ? { stage, ...measureRecord(snapshot, referenceAt, metrics) }
            : { stage, step: snapshot.step, t: snapshot.t, n: snapshot.ids.length, values: {}, settings: {} },
        ),
      ),
  };
}
