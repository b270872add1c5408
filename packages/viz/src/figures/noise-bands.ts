import type { MeasuredSnapshot, NoiseFloor } from '@scoreflow/core';
import type { Band } from '../chart/draw-band.js';

/** The noise floor of each metric value as a band along the chart's x axis, and its label. */
export interface MetricBands {
  readonly byName: Readonly<Record<string, Band>>;
  readonly label: string;
}

/**
 * The noise-floor bands of a metrics chart: the floor (mean +- 2 sd over `pairs` pairs of exact
 * samples) at up to `times` of the measured snapshots, evenly spread over them by x (first and
 * last included), each at its t and measured size n; at one snapshot only when the reference does
 * not change with t. The bands run between those x (one x: across the whole panel).
 */
export async function noiseBands(
  floor: NoiseFloor,
  measured: readonly MeasuredSnapshot[],
  xOf: (record: MeasuredSnapshot) => number,
  options: { readonly pairs: number; readonly times: number },
): Promise<MetricBands | undefined> {
  const byX = [...new Map(measured.map((record) => [xOf(record), record])).values()].sort((a, b) => xOf(a) - xOf(b));
  if (byX.length === 0) return undefined;
  const count = floor.dependsOnT ? Math.min(options.times, byX.length) : 1;
  const chosen = [...new Set(Array.from({ length: count }, (_, k) => Math.round((k * (byX.length - 1)) / Math.max(1, count - 1))))].map((i) => byX[i]);
  const values = await floor(
    chosen.map((record) => ({ t: record.t, n: record.n })),
    options.pairs,
  );
  const names = new Set(values.flatMap((value) => Object.keys(value)));
  const byName: Record<string, Band> = {};
  for (const name of names) {
    const rows = chosen.map((record, k) => ({ x: xOf(record), floor: values[k][name] })).filter((row) => row.floor !== undefined);
    byName[name] = { x: rows.map((row) => row.x), lo: rows.map((row) => row.floor.mean - 2 * row.floor.sd), hi: rows.map((row) => row.floor.mean + 2 * row.floor.sd) };
  }
  return { byName, label: 'noise floor of two exact samples (mean ± 2 sd)' };
}
