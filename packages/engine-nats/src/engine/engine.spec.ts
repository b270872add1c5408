import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '@scoreflow/core';
import { type NatsServer, freePort, natsSkipReason, startNatsServer } from '../testing/index.js';
import { patternBytes } from '../testing/pattern-bytes.js';
import { type DistributeOptions, type KeyedResult, WORK_STREAM, type WorkEvent, WorkFailedError, connectEngine, distribute, distributeStats, parseEngineUrl, serveWork } from './index.js';

const skip = natsSkipReason();
if (skip !== undefined) console.warn(`engine-nats specs skipped: ${skip}`);

async function gather(nc: NatsConnection, bodies: readonly unknown[], options: DistributeOptions): Promise<KeyedResult[]> {
  const out: KeyedResult[] = [];
  for await (const result of distribute(nc, bodies, options)) out.push(result);
  return out;
}

/** A worker in this process (its own connection), stopped by aborting. */
function localWorker(url: string, handler: Parameters<typeof serveWork>[1], options: { heartbeat?: boolean; events?: WorkEvent[] } = {}) {
  const abort = new AbortController();
  const done = connectEngine(url, 'local-worker').then(async (nc) => {
    try {
      return await serveWork(nc, handler, { signal: abort.signal, heartbeat: options.heartbeat, onItem: (event) => options.events?.push(event) });
    } finally {
      await nc.close();
    }
  });
  return { stop: async () => (abort.abort(), await done) };
}

/** Byte equality without vitest's element-wise diff (slow on megabytes). */
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length));

const pattern: Parameters<typeof serveWork>[1] = async (item) => patternBytes(item.key, (item.body as { length: number }).length);

describe('parseEngineUrl(url)', () => {
  it('takes nats://HOST:PORT and refuses anything else, naming the form', () => {
    expect(parseEngineUrl('nats://127.0.0.1:4222')).toBe('nats://127.0.0.1:4222');
    for (const bad of ['127.0.0.1:4222', 'http://a:1', 'nats://host', 'nats://h:1/x']) expect(() => parseEngineUrl(bad)).toThrow(/--engine: expected nats:\/\/HOST:PORT/);
  });
});

describe('connectEngine(url)', () => {
  it('says which server it cannot reach, as bad input at --engine', async () => {
    const port = await freePort();
    await expect(connectEngine(`nats://127.0.0.1:${port}`)).rejects.toThrow(ConfigError);
    await expect(connectEngine(`nats://127.0.0.1:${port}`)).rejects.toThrow(`Cannot reach the engine at nats://127.0.0.1:${port}`);
  });
});

describe.skipIf(skip !== undefined)('distribute and serveWork on a loopback nats-server', () => {
  let server: NatsServer;
  let nc: NatsConnection;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    server = await startNatsServer({ maxPayload: 1 << 20 });
    nc = await connectEngine(server.url, 'coordinator');
  }, 60_000);

  afterAll(async () => {
    for (const child of children) if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) process.kill(child.pid, 'SIGKILL');
    await nc?.close();
    await server?.stop();
  }, 60_000);

  it('returns every item once, in key order, whichever of 2 workers ran it', async () => {
    const workers = [localWorker(server.url, pattern), localWorker(server.url, pattern)];
    const results = await gather(nc, Array.from({ length: 12 }, (_, key) => ({ length: 1000 + 313 * key })), { runId: 'order', ackWaitMs: 5000 });
    await Promise.all(workers.map((worker) => worker.stop()));
    expect(results.map((result) => result.key)).toEqual([...Array(12).keys()]);
    results.forEach(({ key, payload }) => expect(same(payload, patternBytes(key, 1000 + 313 * key))).toBe(true));
  });

  it('carries 16 MiB results under a 1 MB max_payload, byte for byte', async () => {
    expect(nc.info?.max_payload).toBe(1 << 20);
    const worker = localWorker(server.url, pattern);
    const stats = distributeStats();
    const results = await gather(nc, [{ length: 16 << 20 }, { length: (16 << 20) + 12345 }], { runId: 'big', ackWaitMs: 10_000, stats });
    await worker.stop();
    expect(same(results[0].payload, patternBytes(0, 16 << 20))).toBe(true);
    expect(same(results[1].payload, patternBytes(1, (16 << 20) + 12345))).toBe(true);
    expect(stats.chunks).toBeGreaterThanOrEqual(34);
  });

  it('makes the coordinator wait while a 2-message work stream is full, and loses nothing', async () => {
    const stats = distributeStats();
    const results = gather(nc, Array.from({ length: 20 }, () => ({ length: 64 })), { runId: 'pressure', workMaxMsgs: 2, stats });
    // The worker starts late: until then the stream is full.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const worker = localWorker(server.url, pattern);
    const out = await results;
    await worker.stop();
    expect(stats.publishWaits).toBeGreaterThan(0);
    expect(out.map((result) => result.key)).toEqual([...Array(20).keys()]);
  });

  it("drops a stalled worker's late copy: the item went to another worker after ack_wait", async () => {
    const events: WorkEvent[] = [];
    // The first delivery stalls past ack_wait (1 s) without working(); the other worker starts once it has, and takes the redelivery.
    const stalling = localWorker(
      server.url,
      async (item, progress) => {
        await new Promise((resolve) => setTimeout(resolve, 2500));
        return pattern(item, progress);
      },
      { heartbeat: false, events },
    );
    const results = gather(nc, [{ length: 3000 }], { runId: 'stall', ackWaitMs: 1000 });
    while (!events.some((event) => event.type === 'start')) await new Promise((resolve) => setTimeout(resolve, 20));
    const other = localWorker(server.url, pattern, { events });
    expect(same((await results)[0].payload, patternBytes(0, 3000))).toBe(true);
    // Wait for the stalled worker to publish its late copy.
    const deadline = Date.now() + 10_000;
    while (events.filter((event) => event.type === 'done').length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    await Promise.all([stalling.stop(), other.stop()]);
    const done = events.filter((event) => event.type === 'done');
    expect(done.map((event) => event.deliveries).sort()).toEqual([1, 2]);
    // The late copy's chunk was dropped by the server (same message id within the duplicate window).
    expect(done.find((event) => event.deliveries === 1)?.duplicates).toBe(1);
    expect(done.find((event) => event.deliveries === 2)?.duplicates).toBe(0);
  }, 30_000);

  it('redelivers the item of a worker killed (SIGKILL) mid-item after ack_wait, with the same bytes', async () => {
    const child = fork(join(import.meta.dirname, '../testing/slow-worker.fixture.ts'), [server.url], { execArgv: ['--import', 'tsx', '--conditions=development'], stdio: 'ignore' });
    children.push(child);
    const started = new Promise<void>((resolve) => child.on('message', (message: { type: string }) => message.type === 'start' && resolve()));
    const results = gather(nc, [{ length: 2_500_000, ms: 60_000 }], { runId: 'killed', ackWaitMs: 1000 });
    await started;
    process.kill(child.pid as number, 'SIGKILL');
    const events: WorkEvent[] = [];
    const worker = localWorker(server.url, pattern, { events });
    const out = await results;
    await worker.stop();
    expect(same(out[0].payload, patternBytes(0, 2_500_000))).toBe(true);
    expect(events.find((event) => event.type === 'done')?.deliveries).toBe(2);
  }, 60_000);

  it("throws WorkFailedError with the worker's message when an item fails", async () => {
    const worker = localWorker(server.url, async () => {
      throw new Error('no such config: x.yaml');
    });
    await expect(gather(nc, [{}], { runId: 'failing', ackWaitMs: 5000 })).rejects.toThrow(WorkFailedError);
    await worker.stop();
  });
});

describe.skipIf(skip !== undefined)('a nats-server restarted over its file store mid-run', () => {
  it('lets the run finish: the coordinator and the worker reconnect, nothing is lost', async () => {
    const first = await startNatsServer();
    let second: NatsServer | undefined;
    const nc = await connectEngine(first.url, 'coordinator');
    const events: WorkEvent[] = [];
    const worker = localWorker(
      first.url,
      async (item, progress) => {
        await new Promise((resolve) => setTimeout(resolve, 150));
        return pattern(item, progress);
      },
      { events },
    );
    try {
      const out: KeyedResult[] = [];
      for await (const result of distribute(nc, Array.from({ length: 8 }, () => ({ length: 5000 })), { runId: 'restart', ackWaitMs: 5000 })) {
        out.push(result);
        if (result.key === 1) {
          await first.stop({ keepStore: true });
          second = await startNatsServer({ port: first.port, storeDir: first.storeDir });
        }
      }
      expect(out.map((result) => result.key)).toEqual([...Array(8).keys()]);
      out.forEach(({ key, payload }) => expect(same(payload, patternBytes(key, 5000))).toBe(true));
    } finally {
      await worker.stop();
      await nc.close();
      await second?.stop();
      await first.stop();
    }
  }, 60_000);
});

describe.skipIf(skip !== undefined)('distribute(...) when its run is aborted', () => {
  it('purges the run’s work items, so that no worker computes them later', async () => {
    const server = await startNatsServer();
    const nc = await connectEngine(server.url, 'coordinator');
    try {
      const abort = new AbortController();
      const stats = distributeStats();
      const run = gather(nc, Array.from({ length: 5 }, () => ({ length: 10 })), { runId: 'aborted', signal: abort.signal, stats });
      while (stats.published < 5) await new Promise((resolve) => setTimeout(resolve, 20));
      const jsm = await jetstreamManager(nc);
      expect((await jsm.streams.info(WORK_STREAM)).state.messages).toBe(5);
      abort.abort();
      expect(await run).toEqual([]);
      expect((await jsm.streams.info(WORK_STREAM)).state.messages).toBe(0);
    } finally {
      await nc.close();
      await server.stop();
    }
  }, 30_000);
});
