import type { NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectEngine } from '../engine/index.js';
import { type NatsServer, natsSkipReason, startNatsServer } from '../testing/index.js';
import { patternBytes } from '../testing/pattern-bytes.js';
import { revisionStore } from './revision-store.js';

describe.skipIf(natsSkipReason() !== undefined)('revisionStore(nc)', () => {
  let server: NatsServer;
  let nc: NatsConnection;

  beforeAll(async () => {
    server = await startNatsServer({ maxPayload: 1 << 20 });
    nc = await connectEngine(server.url);
  }, 60_000);

  afterAll(async () => {
    await nc?.close();
    await server?.stop();
  }, 60_000);

  it('gives back 3 MiB of weights byte for byte from another connection, past a 1 MiB max_payload', async () => {
    const weights = patternBytes(7, 3 << 20);
    await (await revisionStore(nc)).put('train-a/rev-0', weights);
    const other = await connectEngine(server.url);
    try {
      const back = await (await revisionStore(other)).get('train-a/rev-0');
      expect(Buffer.from(back).equals(Buffer.from(weights))).toBe(true);
    } finally {
      await other.close();
    }
  });

  it('says which revision is missing', async () => {
    await expect((await revisionStore(nc)).get('train-a/rev-99')).rejects.toThrow(/revision train-a\/rev-99 is not in the object store/);
  });
});
