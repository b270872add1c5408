import { type Table, tableFromArrays } from 'apache-arrow';
import type { SweepPoint } from './plan-sweep.js';
import type { SweepPointResult } from './run-sweep-point.js';

/**
 * The results of a sweep as one tidy Arrow table, a row per (point, measured snapshot, metric):
 * `point` (Int32), `config`, `seed` (Float64, exact to 2^53), `set` (the point's grid
 * assignments, `; `-separated), `status`, `stage`, `step` (Int32), `t` (Float64), `metric`,
 * `value` (Float64). A point with no measured snapshot (no reference, or a failed run) has one
 * row with `metric` `""` and `value` NaN, so that every point shows with its status.
 */
export function sweepTable(points: readonly SweepPoint[], results: readonly SweepPointResult[]): Table {
  const columns = { point: [] as number[], config: [] as string[], seed: [] as number[], set: [] as string[], status: [] as string[], stage: [] as number[], step: [] as number[], t: [] as number[], metric: [] as string[], value: [] as number[] };
  const push = (point: SweepPoint, result: SweepPointResult, stage: number, step: number, t: number, metric: string, value: number) => {
    columns.point.push(point.index);
    columns.config.push(point.config);
    columns.seed.push(point.seed);
    columns.set.push(point.set.join('; '));
    columns.status.push(result.status);
    columns.stage.push(stage);
    columns.step.push(step);
    columns.t.push(t);
    columns.metric.push(metric);
    columns.value.push(value);
  };
  points.forEach((point, index) => {
    const result = results[index];
    let rows = 0;
    for (const record of result.metrics) {
      for (const [metric, value] of Object.entries(record.values)) {
        push(point, result, record.stage, record.step, record.t, metric, value);
        rows++;
      }
    }
    if (rows === 0) push(point, result, -1, -1, Number.NaN, '', Number.NaN);
  });
  return tableFromArrays({
    point: Int32Array.from(columns.point),
    config: columns.config,
    seed: Float64Array.from(columns.seed),
    set: columns.set,
    status: columns.status,
    stage: Int32Array.from(columns.stage),
    step: Int32Array.from(columns.step),
    t: Float64Array.from(columns.t),
    metric: columns.metric,
    value: Float64Array.from(columns.value),
  });
}
