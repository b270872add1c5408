import type { Metric, ParticleBatch } from '@scoreflow/core';
import { type OperatorFunction, concatMap, defer, from, reduce } from 'rxjs';
import { checkInteger } from '../samples/rows.js';
import { type MetricRecord, measureRecord } from './metric-record.js';
import { createSnapshotGatherer } from './snapshot-gatherer.js';

/** Options of `measureSnapshots`. */
export interface MeasureOptions {
  /** Measure at most this many particles per step: those with the lowest ids (default 10,000). */
  readonly maxParticles?: number;
  /**
   * A step gathered with fewer particles (e.g. one MCMC chain) is not measured: its record comes
   * with empty `values` and `settings` (default 1: every step is measured).
   */
  readonly minParticles?: number;
}

/** Default `maxParticles` of `measureSnapshots`. */
export const DEFAULT_MAX_PARTICLES = 10_000;

/**
 * Measures every snapshot of a particle stream against a reference sample.
 *
 * Groups the incoming batches by their `step` column (one step per batch, read from its first
 * row, as is `t`), keeps per step the `maxParticles` particles with the lowest ids (so the result
 * depends neither on the batch size nor on the order of the batches), and when the source
 * completes emits one `MetricRecord` per step, by ascending step (each awaited before the next):
 * the gathered positions, in id order, measured with every metric against `reference(t)` (a step
 * of fewer than `minParticles` particles gets empty values). Errors of the metrics or of `reference` travel down the error
 * channel; a bad `maxParticles` or `minParticles` throws at once.
 *
 * @example
 * const sw: Metric = { name: 'sw', measure: (x, y, dim) => ({ sw2: slicedWasserstein(x, y, dim) }) };
 * trajectory$
 *   .pipe(measureSnapshots((t) => referenceSampleAt(t), [sw], { maxParticles: 5000 }))
 *   .subscribe((record) => console.log(record.step, record.t, record.values.sw2));
 */
export function measureSnapshots(
  reference: (t: number) => Float32Array,
  metrics: readonly Metric[],
  options: MeasureOptions = {},
): OperatorFunction<ParticleBatch, MetricRecord> {
  const fn = 'measureSnapshots';
  const maxParticles = checkInteger(fn, 'maxParticles', options.maxParticles ?? DEFAULT_MAX_PARTICLES, 1);
  const minParticles = checkInteger(fn, 'minParticles', options.minParticles ?? 1, 1);
  const list = [...metrics];
  return (source) =>
    defer(() =>
      source.pipe(
        reduce((gatherer, batch) => gatherer.add(batch), createSnapshotGatherer(maxParticles, fn)),
        concatMap((gatherer) => from(gatherer.snapshots())),
        concatMap(async (snapshot) =>
          snapshot.ids.length >= minParticles
            ? measureRecord(snapshot, reference, list)
            : { step: snapshot.step, t: snapshot.t, n: snapshot.ids.length, values: {}, settings: {} },
        ),
      ),
    );
}
