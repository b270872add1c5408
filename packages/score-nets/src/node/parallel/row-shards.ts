/** Rows `from .. to - 1` of a batch: one part of a data-parallel split. */
export interface RowShard {
  readonly from: number;
  readonly to: number;
}

/**
 * Splits rows 0 .. n - 1 into `parts` contiguous shards, the first weighing `firstShare` and the
 * others 1: with weights w_0 = firstShare, w_k = 1, shard k ends at row ceil(n (w_0 + ... + w_k)
 * / sum w) (the last at n). With `firstShare` 1 the sizes differ by at most one, the larger ones
 * first. The split depends on its arguments only, so a fixed worker count shards every batch the
 * same way (the data-parallel steps are then deterministic). The first shard (the main
 * thread's) holds a row whenever n >= 1 and firstShare > 0; the last ones are empty when n < parts.
 */
export function rowShards(n: number, parts: number, firstShare = 1): readonly RowShard[] {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`rowShards: n must be an integer >= 0, got ${n}.`);
  if (!Number.isSafeInteger(parts) || parts < 1) throw new RangeError(`rowShards: parts must be an integer >= 1, got ${parts}.`);
  if (!(firstShare > 0)) throw new RangeError(`rowShards: firstShare must be > 0, got ${firstShare}.`);
  const total = firstShare + parts - 1;
  const edge = (k: number) => (k === 0 ? 0 : Math.ceil(((firstShare + k - 1) * n) / total));
  return Array.from({ length: parts }, (_, k) => ({ from: edge(k), to: k === parts - 1 ? n : edge(k + 1) }));
}
