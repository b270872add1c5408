import type { Metric } from '@scoreflow/core';
import { ScoreflowError } from '@scoreflow/core';

/** One measurement of a snapshot: its step and time, how many particles were measured, the values by name. */
export interface MetricRecord {
  readonly step: number;
  readonly t: number;
  /** Number of particles measured (at most `maxParticles`). */
  readonly n: number;
  /** Every metric's measures, merged (e.g. `{ sw2: 0.02, mmd2: 0.001 }`). */
  readonly values: Record<string, number>;
  /** How they were measured: the values each metric names in its `settings` (e.g. `{ mmdBandwidth: 0.9, mmdRows: 2000 }`). */
  readonly settings: Record<string, number>;
}

/**
 * Measures the positions `x` of one snapshot against `reference(t)` with every metric and merges
 * their values into one record: the names a metric lists in `settings` (bandwidths, rows used) go
 * to `settings`, the rest to `values`. Two metrics reporting the same name is an error (it would
 * silently hide one of them). Metrics are measured one after another, each awaited (a metric may
 * measure asynchronously: `ode-nll` evaluates a network).
 */
export async function measureRecord(
  snapshot: { readonly step: number; readonly t: number; readonly x: Float32Array; readonly dim: number },
  reference: (t: number) => Float32Array,
  metrics: readonly Metric[],
): Promise<MetricRecord> {
  const { step, t, x, dim } = snapshot;
  const ref = reference(t);
  const values: Record<string, number> = {};
  const settings: Record<string, number> = {};
  const owner = new Map<string, string>();
  for (const metric of metrics) {
    const settingNames = new Set(metric.settings ?? []);
    for (const [name, value] of Object.entries(await metric.measure(x, ref, dim))) {
      const previous = owner.get(name);
      if (previous !== undefined) {
        throw new ScoreflowError(`Metrics '${previous}' and '${metric.name}' both report '${name}'; measure them in separate operators.`);
      }
      owner.set(name, metric.name);
      if (settingNames.has(name)) settings[name] = value;
      else values[name] = value;
    }
  }
  return { step, t, n: x.length / dim, values, settings };
}
