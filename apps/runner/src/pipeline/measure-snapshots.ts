import type { Metric } from '@scoreflow/core';
import type { ReferenceAt } from './reference-sampler.js';
import type { SnapshotGroup } from './snapshot-sample.js';

/** The metrics of one snapshot against the reference at its time. */
export interface SnapshotMetrics {
  readonly stage: number;
  readonly step: number;
  readonly t: number;
  readonly n: number;
  readonly values: Record<string, number>;
}

/** Measures each snapshot group against the reference at the group's time with every metric. */
export function measureSnapshots(groups: readonly SnapshotGroup[], referenceAt: ReferenceAt, metrics: readonly Metric[]): SnapshotMetrics[] {
  return groups.map(({ stage, step, t, n, x }) => {
    const values: Record<string, number> = {};
    if (n >= 2) {
      const reference = referenceAt(t);
      const dim = x.length / n;
      for (const metric of metrics) Object.assign(values, metric.measure(x, reference, dim));
    }
    return { stage, step, t, n, values };
  });
}
