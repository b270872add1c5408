/** A virtual shard: the particles with ids `first .. first + count - 1`. */
export interface Shard {
  /** Index of the shard, from 0; shards are returned (and reassembled) in this order. */
  readonly index: number;
  readonly first: number;
  readonly count: number;
}

/**
 * Splits particles `0 .. particles - 1` into virtual shards of `shardSize` ids (the last one
 * shorter), each a whole number of batches of `batchSize`, so that a shard's batches are exactly
 * the batches a single-process run makes of those ids. The shards depend on the config only
 * (particles, batch size, shard size), never on how many workers there are; with the keyed RNG
 * (core's `createRng`: randomness by seed, particle id, step and stream) a shard's particles are
 * the same wherever it runs.
 *
 * @example
 * planShards(10_000, 4096, 1024); // [{ index: 0, first: 0, count: 4096 }, { 1, 4096, 4096 }, { 2, 8192, 1808 }]
 */
export function planShards(particles: number, shardSize: number, batchSize: number): Shard[] {
  for (const [field, value] of [
    ['particles', particles],
    ['shardSize', shardSize],
    ['batchSize', batchSize],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`planShards: ${field} must be an integer >= 1, got ${value}.`);
  }
  if (shardSize % batchSize !== 0 && shardSize < particles) {
    throw new RangeError(`planShards: shardSize (${shardSize}) must be a multiple of batchSize (${batchSize}), so that shards are whole batches.`);
  }
  const shards: Shard[] = [];
  for (let first = 0, index = 0; first < particles; first += shardSize, index++) shards.push({ index, first, count: Math.min(shardSize, particles - first) });
  return shards;
}
