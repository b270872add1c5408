import { jetstreamManager } from '@nats-io/jetstream';
import { describe, expect, it } from 'vitest';
import { openBucket } from '../objects/index.js';
import { natsSkipReason } from '../testing/index.js';
import { withNatsServer } from '../testing/with-nats-server.fixture.js';
import { WORK_STREAM, ensureEngineStreams } from './engine-streams.js';
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
