import { DimensionError, type ParticleBatch, dimOf } from '@scoreflow/core';

/** The one dimension of a stream of particle batches (see `batchDimension`). */
export interface BatchDimension {
  /** The dimension of the first batch checked; 0 before any. */
  readonly dim: number;
  /** The dimension of `batch`, which must be that of every batch before it. */
  check(batch: ParticleBatch): number;
}

/**
 * The dimension a gatherer's batches share: the first batch checked fixes it, and a later batch of
 * another dimension throws a `DimensionError` naming `fn` ("<fn>: particle batches").
 *
 * @example
 * const dimension = batchDimension('createTraceGatherer');
 * dimension.check(batch); // 2, and 2 for every later batch, or a DimensionError
 */
export function batchDimension(fn: string): BatchDimension {
  let dim = 0;
  return {
    get dim() {
      return dim;
    },
    check(batch) {
      const batchDim = dimOf(batch);
      if (dim === 0) dim = batchDim;
      else if (batchDim !== dim) throw new DimensionError(`${fn}: particle batches`, dim, batchDim);
      return dim;
    },
  };
}
