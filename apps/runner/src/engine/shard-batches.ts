import { type ParticleBatch, idsOf } from '@scoreflow/core';
import { type MonoTypeOperatorFunction, filter, pipe, takeWhile, tap } from 'rxjs';

/**
 * Keeps the source's batches of one virtual shard, the particles with ids `first .. first +
 * count - 1`, and completes the source after the shard's last batch. A source gives ids 0, 1, ...
 * in batches of `batchSize` (core's `DataSource`), so a shard of whole batches is exactly the
 * batches a single-process run makes of those ids; a batch across the shard's edge throws (a
 * source that does not batch as the config says cannot be sharded).
 */
export function shardBatches(first: number, count: number): MonoTypeOperatorFunction<ParticleBatch> {
  const end = first + count;
  return pipe(
    takeWhile((batch) => (idsOf(batch)[0] ?? end) < end),
    tap((batch) => {
      const ids = idsOf(batch);
      const low = ids[0];
      const high = ids[ids.length - 1];
      if ((low < first && high >= first) || (low < end && high >= end)) {
        throw new Error(`the source's batch of ids ${low}..${high} crosses the edge of shard ${first}..${end - 1}: shards must be whole batches`);
      }
    }),
    filter((batch) => (idsOf(batch)[0] ?? -1) >= first),
  );
}
