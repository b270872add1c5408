import type { Metric, ParticleBatch } from '@scoreflow/core';
import type { OperatorFunction } from 'rxjs';
import type { MetricRecord } from './metric-record.js';
import { type MeasureOptions, measure } from './measure-snapshots.js';

/**
 * Like `measureSnapshots`, but only the largest step is gathered and measured: one
 * `MetricRecord` when the source completes (none for an empty source). Batches of smaller steps
 * are dropped as they arrive, so memory holds one step.
 *
 * @example
 * samples$.pipe(measureFinal(() => data, metrics)).subscribe((record) => console.log(record.values));
 */
export function measureFinal(
  reference: (t: number) => Float32Array,
  metrics: readonly Metric[],
  options: MeasureOptions = {},
): OperatorFunction<ParticleBatch, MetricRecord> {
  return measure('measureFinal', reference, metrics, options, true);
}
