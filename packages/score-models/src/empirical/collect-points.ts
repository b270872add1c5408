import { type DataSource, DimensionError, type RunContext, dimOf, positionsOf } from '@scoreflow/core';
import { lastValueFrom, takeWhile, tap } from 'rxjs';

/**
 * Collects the first `count` particles that `source.sample(ctx)` emits into one row-major
 * Float32Array (count * dim, in the order emitted: ids 0, 1, ... for every source), then
 * unsubscribes. A source that completes early (a file with fewer rows, an aborted run) gives a
 * shorter array; one that emits nothing rejects. A batch of another dimension rejects with a
 * `DimensionError` naming `where`.
 */
export async function collectPoints(source: DataSource, ctx: RunContext, count: number, where: string): Promise<Float32Array> {
  const dim = source.dim;
  const points = new Float32Array(count * dim);
  let filled = 0;
  await lastValueFrom(
    source.sample(ctx).pipe(
      tap((batch) => {
        if (dimOf(batch) !== dim) throw new DimensionError(`${where}: data source '${source.name}' emitted a batch`, dim, dimOf(batch));
        const x = positionsOf(batch);
        const take = Math.min(x.length / dim, count - filled);
        points.set(x.subarray(0, take * dim), filled * dim);
        filled += take;
      }),
      takeWhile(() => filled < count),
    ),
    { defaultValue: undefined },
  );
  if (filled === 0) throw new RangeError(`${where}: data source '${source.name}' produced no points.`);
  return filled === count ? points : points.slice(0, filled * dim);
}
