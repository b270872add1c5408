import { describe, expect, it } from 'vitest';
import { connectEngine } from '../engine/index.js';
import { natsSkipReason } from '../testing/index.js';
import { withNatsServer } from '../testing/with-nats-server.fixture.js';
import { patternBytes } from '../testing/pattern-bytes.js';
import { revisionStore } from './revision-store.js';

describe.skipIf(natsSkipReason() !== undefined)('revisionStore(nc)', () => {
  const nats = withNatsServer({ maxPayload: 1 << 20 });

  it('gives back 3 MiB of weights byte for byte from another connection, past a 1 MiB max_payload', async () => {
    const weights = patternBytes(7, 3 << 20);
    await (await revisionStore(nats.nc)).put('train-a/rev-0', weights);
    const other = await connectEngine(nats.server.url);
    try {
      const back = await (await revisionStore(other)).get('train-a/rev-0');
      expect(Buffer.from(back).equals(Buffer.from(weights))).toBe(true);
    } finally {
      await other.close();
    }
  });

  it('says which revision is missing', async () => {
    await expect((await revisionStore(nats.nc)).get('train-a/rev-99')).rejects.toThrow(/revision train-a\/rev-99 is not in the object store/);
  });
});
