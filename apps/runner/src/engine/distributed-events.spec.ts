import { describe, expect, it } from 'vitest';
import { silentLogger } from '@scoreflow/core';
import type { RunPlan } from '../pipeline/build-run.js';
import { distributedEvents } from './distributed-events.js';
import { configIssuesOf } from '../testing/config-issues.js';

/** Just what `distributedEvents` reads of a plan before it connects: sizes and stage types. */
const plan = (types: string[], particles = 4096, batchSize = 1024) =>
  ({ config: { name: 'p', particles, batchSize }, stages: types.map((type, index) => ({ index, type })), ctx: { signal: new AbortController().signal, logger: silentLogger } }) as unknown as RunPlan;

const issuesOf = (run: () => unknown) => configIssuesOf(run).map((issue) => issue.path);

describe('distributedEvents(config, overrides, options)(plan)', () => {
  const events = (shardSize?: number) => distributedEvents('x.json', {}, { engine: 'nats://127.0.0.1:1', shardSize });

  it('refuses a shard size that is not whole batches, at --shard-size', () => {
    expect(issuesOf(() => events(1000)(plan(['euler-maruyama'])))).toEqual(['--shard-size']);
  });

  it('refuses twisted-smc (it couples the population) over several shards, at its pipeline type, and takes it in one shard', () => {
    expect(issuesOf(() => events()(plan(['euler-maruyama', 'twisted-smc'])))).toEqual(['pipeline.1.type']);
    expect(() => events(4096)(plan(['twisted-smc']))).not.toThrow();
  });
});
