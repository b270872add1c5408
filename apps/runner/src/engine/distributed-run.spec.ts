import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type NatsServer, natsSkipReason, startNatsServer } from '@scoreflow/engine-nats/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Io, runCommand } from '../cli/commands.js';
import { silentProgress } from '../progress/progress-reporter.js';
import { type ScoreflowProcess, scoreflowProcess } from '../testing/cli-process.js';
import { distributedEvents } from './distributed-events.js';

const skip = natsSkipReason();
if (skip !== undefined) console.warn(`distributed run specs skipped: ${skip}`);

const quietIo: Io = { out: () => undefined, err: () => undefined, progress: silentProgress };

const means = [
  [2, 0, 0, 0, 0, 0, 0, 0],
  [-2, 0, 0, 0, 0, 0, 0, 0],
];

/** 10,000 particles in R^8 (batches of 1,024), 20 reverse-SDE steps to a two-component mixture, measured. */
const config = {
  name: 'distributed-d8',
  dim: 8,
  particles: 10_000,
  batchSize: 1024,
  seed: 7,
  sde: { type: 'brownian', T: 4 },
  source: { type: 'prior' },
  pipeline: [{ type: 'euler-maruyama', score: { type: 'gaussian-mixture', means, std: 0.5 }, steps: 20 }],
  measure: { particles: 2000, referenceParticles: 2000 },
  reference: { type: 'gaussian-mixture', means, std: 0.5 },
};

/** metrics.json without what depends on the clock. */
const metricsOf = (dir: string) => {
  const { startedAt: _s, seconds: _t, ...rest } = JSON.parse(readFileSync(join(dir, 'metrics.json'), 'utf8')) as Record<string, unknown>;
  return rest;
};

describe.skipIf(skip !== undefined)('scoreflow run --engine with 3 worker processes on a loopback nats-server', () => {
  let server: NatsServer;
  let workers: ScoreflowProcess[] = [];
  let dir: string;
  let file: string;

  beforeAll(async () => {
    server = await startNatsServer();
    dir = mkdtempSync(join(tmpdir(), 'scoreflow-distributed-'));
    file = join(dir, 'config.json');
    writeFileSync(file, JSON.stringify(config));
    workers = [0, 1, 2].map(() => scoreflowProcess(['worker', '--engine', server.url]));
    // Each worker says `serving` once connected: from then on it pulls.
    while (!workers.every((worker) => worker.stderr().includes('serving'))) {
      if (workers.some((worker) => worker.exited())) throw new Error(`a worker exited: ${workers.map((worker) => worker.stderr()).join('\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }, 120_000);

  afterAll(async () => {
    for (const worker of workers) if (!worker.exited() && worker.child.pid !== undefined) process.kill(worker.child.pid, 'SIGKILL');
    await Promise.all(workers.map((worker) => worker.exit));
    await server?.stop();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  const run = async (out: string, overrides: { set?: string[] } = {}, engine = false) => {
    const runEvents = engine ? distributedEvents(file, overrides, { engine: server.url, ackWaitMs: 1500, shardSize: 1024 }) : undefined;
    return runCommand(file, { ...overrides, out: join(dir, out), runEvents }, quietIo);
  };

  it('writes trajectories.arrow byte for byte as the in-process run, and the same metrics', async () => {
    expect(await run('in-process')).toBe(0);
    expect(await run('distributed', {}, true)).toBe(0);
    expect(readFileSync(join(dir, 'distributed', 'trajectories.arrow')).equals(readFileSync(join(dir, 'in-process', 'trajectories.arrow')))).toBe(true);
    expect(metricsOf(join(dir, 'distributed'))).toEqual(metricsOf(join(dir, 'in-process')));
    // The shards went to more than one worker.
    expect(workers.filter((worker) => /shard \d/.test(worker.stderr())).length).toBeGreaterThan(1);
  }, 120_000);

  it('finishes with the same bytes when a worker is killed (SIGKILL) mid-shard: its shard is redelivered after ack_wait', async () => {
    const longer = { set: ['pipeline.0.steps=300', 'pipeline.0.snapshotEvery=100'] };
    expect(await run('long-in-process', longer)).toBe(0);
    const seen = workers.map((worker) => worker.stderr().length);
    const distributed = run('long-distributed', longer, true);
    // The first worker that starts a shard of this run is killed at once (a shard takes about a second).
    let victim: ScoreflowProcess | undefined;
    while (victim === undefined) {
      victim = workers.find((worker, index) => /shard \d/.test(worker.stderr().slice(seen[index])));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    process.kill(victim.child.pid as number, 'SIGKILL');
    expect(await distributed).toBe(0);
    expect(readFileSync(join(dir, 'long-distributed', 'trajectories.arrow')).equals(readFileSync(join(dir, 'long-in-process', 'trajectories.arrow')))).toBe(true);
    expect(workers.some((worker) => worker !== victim && /delivery 2/.test(worker.stderr()))).toBe(true);
  }, 120_000);
});
