import { jetstreamManager } from '@nats-io/jetstream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkpointStore } from '../checkpoints/index.js';
import { openBucket } from '../objects/index.js';
import { type NatsCluster, natsSkipReason, startNatsCluster } from '../testing/index.js';
import { patternBytes } from '../testing/pattern-bytes.js';
import { connectEngine } from './engine-url.js';
import { withNatsServer } from '../testing/with-nats-server.fixture.js';
import { RESULT_STREAM, WORK_STREAM, ensureEngineStreams } from './engine-streams.js';
import { checkReplicas } from './replicas.js';

describe('checkReplicas(replicas)', () => {
  it('takes an integer from 1 to 5 and names the argument otherwise', () => {
    expect([1, 3, 5].map((n) => checkReplicas(n))).toEqual([1, 3, 5]);
    for (const bad of [0, 6, 2.5, Number.NaN]) expect(() => checkReplicas(bad, '--replicas')).toThrow(`--replicas: expected an integer from 1 to 5 (the copies a JetStream cluster keeps of each stream), got ${bad}`);
  });
});

describe.skipIf(natsSkipReason() !== undefined)('replicas on one server', () => {
  const nats = withNatsServer();

  it('creates the streams with 1 copy by default, refuses a bad count before asking the server, and leaves 3 copies to a cluster', async () => {
    await ensureEngineStreams(nats.nc, { replicas: 1 });
    const jsm = await jetstreamManager(nats.nc);
    expect((await jsm.streams.info(WORK_STREAM)).config.num_replicas).toBe(1);
    await expect(ensureEngineStreams(nats.nc, { replicas: 0 })).rejects.toThrow(/replicas: expected an integer from 1 to 5/);
    await expect(openBucket(nats.nc, 'sf_replicas_test', { replicas: 9 })).rejects.toThrow(/replicas: expected an integer from 1 to 5/);
    // A single server is no cluster: it refuses more than one copy.
    await expect(openBucket(nats.nc, 'sf_replicas_test', { replicas: 3 })).rejects.toThrow(/replicas > 1 not supported in non-clustered mode/);
  });
});

/** `attempt()` until it resolves, every 200 ms, for at most `ms`: then its last error. */
async function eventually<T>(attempt: () => Promise<T>, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

describe.skipIf(natsSkipReason() !== undefined)('replicas on a loopback cluster of 3 servers', () => {
  let cluster: NatsCluster;

  beforeAll(async () => {
    cluster = await startNatsCluster(3);
  }, 60_000);

  afterAll(async () => {
    await cluster?.stop();
  }, 60_000);

  it('keeps 3 copies of the streams and of the checkpoints, which another server gives back after one has stopped', async () => {
    const [first, second, third] = cluster.servers;
    const nc = await connectEngine(first?.url ?? '');
    const other = await connectEngine(third?.url ?? '');
    try {
      const jsm = await ensureEngineStreams(nc, { replicas: 3 });
      for (const stream of [WORK_STREAM, RESULT_STREAM]) {
        const info = await jsm.streams.info(stream);
        expect(info.config.num_replicas).toBe(3);
        expect(info.cluster?.replicas).toHaveLength(2);
      }
      const files = { 'checkpoint/weights.bin': patternBytes(3, 2 << 20), 'loss.csv': new TextEncoder().encode('step,loss,average\n') };
      await (await checkpointStore(nc, { replicas: 3 })).put('clustered', 5, files);
      expect((await jsm.streams.info('OBJ_sf_checkpoints')).config.num_replicas).toBe(3);
      await second?.stop();
      // The streams whose leader was the stopped server elect another one first (about a second).
      const back = await eventually(async () => (await checkpointStore(other)).get('clustered'), 15_000);
      expect(Buffer.from(back.files['checkpoint/weights.bin'] ?? []).equals(Buffer.from(files['checkpoint/weights.bin']))).toBe(true);
    } finally {
      await nc.close();
      await other.close();
    }
  }, 60_000);
});
