/** Rows `from .. to - 1` of a batch: one part of a data-parallel split. */
export interface RowShard {
  readonly from: number;
  readonly to: number;
}

/**
 * Splits rows 0 .. n - 1 into `parts` contiguous shards whose sizes differ by at most one, the
 * larger ones first: shard k is rows ceil(k n / parts) .. ceil((k + 1) n / parts) - 1. The
 * split depends on n and parts only, so a fixed worker count shards every batch the same way
 * (the data-parallel steps are then deterministic). The first shard (the main thread's) holds a
 * row whenever n >= 1; the last ones are empty when n < parts.
 */
export function rowShards(n: number, parts: number): readonly RowShard[] {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`rowShards: n must be an integer >= 0, got ${n}.`);
  if (!Number.isSafeInteger(parts) || parts < 1) throw new RangeError(`rowShards: parts must be an integer >= 1, got ${parts}.`);
  return Array.from({ length: parts }, (_, k) => ({ from: Math.ceil((k * n) / parts), to: Math.ceil(((k + 1) * n) / parts) }));
}
