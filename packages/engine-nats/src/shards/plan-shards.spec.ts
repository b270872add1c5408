import { describe, expect, it } from 'vitest';
import { planShards } from './plan-shards.js';

describe('planShards(particles, shardSize, batchSize)', () => {
  it('covers 0 .. particles - 1 once, in order, each shard whole batches', () => {
    const shards = planShards(10_000, 4096, 1024);
    expect(shards).toEqual([
      { index: 0, first: 0, count: 4096 },
      { index: 1, first: 4096, count: 4096 },
      { index: 2, first: 8192, count: 1808 },
    ]);
    for (const shard of shards.slice(0, -1)) expect(shard.count % 1024).toBe(0);
  });

  it('gives one shard when the shard size exceeds the particles, whatever the batch size', () => {
    expect(planShards(100, 1000, 64)).toEqual([{ index: 0, first: 0, count: 100 }]);
  });

  it('refuses a shard size that is not a multiple of the batch size, naming both', () => {
    expect(() => planShards(10_000, 1000, 1024)).toThrow(/shardSize \(1000\) must be a multiple of batchSize \(1024\)/);
    expect(() => planShards(0, 10, 10)).toThrow(/particles must be an integer >= 1, got 0/);
  });
});
