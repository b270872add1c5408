import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Io, runCommand } from '../../cli/commands.js';
import { silentLogger } from '@scoreflow/core';
import type { RunPlan } from '../../pipeline/build-run.js';
import { configIssuesOf } from '../../testing/config-issues.js';
import { silentProgress } from '../../progress/progress-reporter.js';
import { threadEvents } from './thread-events.js';

const messages: string[] = [];
const io: Io = { out: () => undefined, err: (text) => void messages.push(text), progress: silentProgress };

const means = [
  [2, 0, 0, 0],
  [-2, 0, 0, 0],
];

/** 6,000 particles in R^4 (batches of 1,000), 20 reverse-SDE steps to a two-component mixture, measured. */
const config = {
  name: 'threads-d4',
  dim: 4,
  particles: 6000,
  batchSize: 1000,
  seed: 3,
  sde: { type: 'brownian', T: 4 },
  source: { type: 'prior' },
  pipeline: [{ type: 'euler-maruyama', score: { type: 'gaussian-mixture', means, std: 0.5 }, steps: 20, snapshotEvery: 5 }],
  measure: { particles: 1000, referenceParticles: 1000 },
  reference: { type: 'gaussian-mixture', means, std: 0.5 },
};

/** metrics.json without what depends on the clock. */
const metricsOf = (dir: string) => {
  const { startedAt: _s, seconds: _t, ...rest } = JSON.parse(readFileSync(join(dir, 'metrics.json'), 'utf8')) as Record<string, unknown>;
  return rest;
};

describe('scoreflow run --threads: the shards on worker threads of this process', () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'scoreflow-threads-'));
    file = join(dir, 'config.json');
    writeFileSync(file, JSON.stringify(config));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const bytes = (out: string) => readFileSync(join(dir, out, 'trajectories.arrow'));

  it('writes trajectories.arrow byte for byte as the in-process run, and the same metrics, for 2 and 3 threads and another shard size', async () => {
    expect(await runCommand(file, { out: join(dir, 'in-process') }, io)).toBe(0);
    expect(await runCommand(file, { out: join(dir, 'two'), runEvents: threadEvents(file, {}, { threads: 2 }) }, io)).toBe(0);
    expect(messages.some((text) => text.includes('running 6 shards of up to 1000 particles on 2 worker threads'))).toBe(true);
    expect(await runCommand(file, { out: join(dir, 'three'), runEvents: threadEvents(file, {}, { threads: 3, shardSize: 2000 }) }, io)).toBe(0);
    expect(bytes('two').equals(bytes('in-process'))).toBe(true);
    expect(bytes('three').equals(bytes('in-process'))).toBe(true);
    expect(metricsOf(join(dir, 'two'))).toEqual(metricsOf(join(dir, 'in-process')));
  }, 120_000);

  it('carries the overrides to the threads (--particles, --set)', async () => {
    const overrides = { particles: 3000, set: ['pipeline.0.steps=10'] };
    expect(await runCommand(file, { ...overrides, out: join(dir, 'small') }, io)).toBe(0);
    expect(await runCommand(file, { ...overrides, out: join(dir, 'small-threads'), runEvents: threadEvents(file, overrides, { threads: 2 }) }, io)).toBe(0);
    expect(bytes('small-threads').equals(bytes('small'))).toBe(true);
  }, 120_000);

  it('refuses a shard size that is not whole batches, and twisted-smc over several shards, naming --threads (before any thread starts)', () => {
    const plan = (types: string[]) =>
      ({ config: { name: 'p', particles: 4096, batchSize: 1024 }, stages: types.map((type, index) => ({ index, type })), ctx: { signal: new AbortController().signal, logger: silentLogger } }) as unknown as RunPlan;
    expect(configIssuesOf(() => threadEvents(file, {}, { threads: 2, shardSize: 1000 })(plan(['euler-maruyama']))).map((issue) => issue.path)).toEqual(['--shard-size']);
    const [issue] = configIssuesOf(() => threadEvents(file, {}, { threads: 2 })(plan(['euler-maruyama', 'twisted-smc'])));
    expect(issue).toEqual({ path: 'pipeline.1.type', message: expect.stringMatching(/couples the whole population.*without --threads, or with --shard-size 4096/s) });
  });
});
