import { type Observable, type OperatorFunction, concatMap, defer, from, switchMap } from 'rxjs';
import { type AcceleratedStageSpec, DimensionError, type ParticleBatch, checkParticleBatch, dimOf, idsOf, labelsOf, makeParticleBatch, metadataOf, positionsOf } from '@scoreflow/core';

/** A batch as a GPU stage takes it: ids, dimension, a copy of the positions, and its snapshots. */
export interface BatchEntry {
  readonly ids: Uint32Array;
  readonly dim: number;
  /** A copy of the batch's positions: the stage reads the device's back into it. */
  readonly x: Float32Array;
  /** A snapshot of `x` at `step`, time `t`, with the batch's ids, labels and metadata (as the CPU stages emit). */
  snapshot(step: number, t: number): ParticleBatch;
}

/**
 * The entry of every GPU stage, as the samplers' `identityOf`: a value that is not a particle batch
 * fails with a `ParticleBatchError` naming the stage, particles of another dimension than the
 * spec's with a `DimensionError`.
 */
export function enterBatch(batch: ParticleBatch, spec: AcceleratedStageSpec): BatchEntry {
  checkParticleBatch(batch, spec.name);
  const dim = dimOf(batch);
  if (dim !== spec.dim) throw new DimensionError(`${spec.name}: the stage's dimension and particles`, spec.dim, dim);
  const ids = idsOf(batch);
  const label = labelsOf(batch);
  const metadata = metadataOf(batch);
  const x = positionsOf(batch).slice();
  return { ids, dim, x, snapshot: (step, t) => makeParticleBatch({ x: x.slice(), dim, id: ids, step, t, label, metadata }) };
}

/**
 * The operator of a GPU stage: each input batch in turn (`concatMap`), entered (`enterBatch`) and,
 * once `kernel()` (compiled once per stage) is ready, run by `run(entry, kernel)`.
 */
export function eachBatchOnDevice<K>(spec: AcceleratedStageSpec, kernel: () => Promise<K>, run: (entry: BatchEntry, kernel: K) => Observable<ParticleBatch>): OperatorFunction<ParticleBatch, ParticleBatch> {
  return concatMap((batch: ParticleBatch) =>
    defer(() => {
      const entry = enterBatch(batch, spec);
      return from(kernel()).pipe(switchMap((ready) => run(entry, ready)));
    }),
  );
}
