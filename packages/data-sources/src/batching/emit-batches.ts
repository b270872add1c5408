import type { Observable } from 'rxjs';
import { type ParticleBatch, type RunContext, cooperative, makeParticleBatch, rangeIds } from '@scoreflow/core';
import type { BatchRange } from './batch-range.js';

/** Fills one batch's positions (row-major, `range.count * dim`, zero on entry). */
export type PositionFill = (x: Float32Array, range: BatchRange) => void;

/** Fills one batch's positions and its `label` column (`range.count` entries, zero on entry). */
export type LabelledFill = (x: Float32Array, range: BatchRange, labels: Int32Array) => void;

/** What the emitted batches carry besides positions. */
export interface EmitBatchesOptions {
  /** Diffusion time of every particle; defaults to 0. */
  readonly t?: number;
  /** Whether the batches have a `label` column (filled by a `LabelledFill`). */
  readonly label?: boolean;
}

/**
 * The batching shared by every data source: emits `ctx.particles` particles with ids
 * `0 .. ctx.particles - 1` in consecutive batches of `ctx.batchSize` (the last one shorter),
 * `step` 0, `t` as given, schema metadata `ctx.metadata`.
 *
 * Batches are built one at a time: `fill` writes batch b, which is emitted before batch b + 1
 * is built. Generation stops before the next batch once the subscriber unsubscribes (so
 * `take(1)` builds one batch) or `ctx.signal` is aborted; an aborted source completes, since
 * what it emitted is valid. The loop lets the event loop run every few milliseconds, so that
 * an abort from a timer or a signal handler lands within one batch or so (core's `cooperative`).
 * An error thrown by `fill` goes down the error channel.
 *
 * `fill` must draw its randomness from `ctx.rng` with the batch's `range` (ids, never batch
 * indices), so that the particles do not depend on `ctx.batchSize`.
 *
 * @example
 * // Uniform particles in the unit square, id-keyed.
 * const stream = streamId('my-source/uniform');
 * const batches$ = emitBatches(ctx, 2, (x, range) => {
 *   ctx.rng.uniform(x, range, 2, { step: 0, stream });
 * });
 */
export function emitBatches(ctx: RunContext, dim: number, fill: LabelledFill, options: EmitBatchesOptions & { readonly label: true }): Observable<ParticleBatch>;
export function emitBatches(ctx: RunContext, dim: number, fill: PositionFill, options?: EmitBatchesOptions & { readonly label?: false }): Observable<ParticleBatch>;
export function emitBatches(
  ctx: RunContext,
  dim: number,
  fill: LabelledFill,
  options: EmitBatchesOptions = {},
): Observable<ParticleBatch> {
  if (!Number.isSafeInteger(dim) || dim < 1) throw new RangeError(`emitBatches: dim must be an integer >= 1, got ${dim}.`);
  const t = options.t ?? 0;
  const withLabel = options.label === true;
  const { particles, batchSize, signal, metadata } = ctx;

  return cooperative<ParticleBatch>(signal, async (emitter) => {
    for (let first = 0; first < particles; first += batchSize) {
      if (emitter.stopping) return;
      const count = Math.min(batchSize, particles - first);
      const ids = rangeIds(first, count);
      const x = new Float32Array(count * dim);
      const labels = withLabel ? new Int32Array(count) : undefined;
      fill(x, { first, count, ids }, labels as Int32Array);
      if (emitter.stopping) return;
      emitter.next(makeParticleBatch({ x, dim, id: ids, step: 0, t, label: labels, metadata }));
      await emitter.pace();
    }
  });
}
