import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../chunks/index.js';
import { connectEngine } from '../engine/index.js';
import { openBucket } from '../objects/index.js';
import { natsSkipReason } from '../testing/index.js';
import { withNatsServer } from '../testing/with-nats-server.fixture.js';
import { patternBytes } from '../testing/pattern-bytes.js';
import { CHECKPOINT_BUCKET, CheckpointNotFoundError, checkpointStore } from './checkpoint-store.js';

const filesAt = (steps: number) => ({
  'checkpoint/model.json': new TextEncoder().encode(JSON.stringify({ steps })),
  'checkpoint/weights.bin': patternBytes(steps, 3 << 20),
  'loss.csv': new TextEncoder().encode(`step,loss,average\n${steps},1,1\n`),
});
const same = (a: Uint8Array | undefined, b: Uint8Array) => a !== undefined && Buffer.from(a).equals(Buffer.from(b));

describe.skipIf(natsSkipReason() !== undefined)('checkpointStore(nc)', () => {
  const nats = withNatsServer({ maxPayload: 1 << 20 });

  it('puts each step under the name, finds the latest, and gives back every file byte for byte from another connection', async () => {
    const store = await checkpointStore(nats.nc);
    await store.put('moons', 2, filesAt(2));
    const manifest = await store.put('moons', 4, filesAt(4));
    expect(Object.keys(manifest.files)).toEqual(['checkpoint/model.json', 'checkpoint/weights.bin', 'loss.csv']);
    expect(manifest.files['checkpoint/weights.bin']).toMatch(/^[0-9a-f]{64}$/);
    const other = await connectEngine(nats.server.url);
    try {
      const reader = await checkpointStore(other);
      expect((await reader.latest('moons'))?.steps).toBe(4);
      const latest = await reader.get('moons');
      expect(latest.manifest).toEqual(manifest);
      for (const [file, bytes] of Object.entries(filesAt(4))) expect(same(latest.files[file], bytes)).toBe(true);
      const older = await reader.get('moons', 2);
      expect(same(older.files['checkpoint/weights.bin'], filesAt(2)['checkpoint/weights.bin'])).toBe(true);
      expect(await reader.list()).toEqual([{ name: 'moons', steps: [2, 4], latest: 4 }]);
    } finally {
      await other.close();
    }
  });

  it('says which training or step has no checkpoint, and refuses names that are not config names', async () => {
    const store = await checkpointStore(nats.nc);
    expect(await store.latest('nobody')).toBeUndefined();
    await expect(store.get('nobody')).rejects.toThrow(new CheckpointNotFoundError(`no checkpoint of nobody in the object store ${CHECKPOINT_BUCKET}`));
    await store.put('short', 1, filesAt(1));
    await expect(store.get('short', 7)).rejects.toThrow(/no checkpoint of short at step 7/);
    await expect(store.put('a/b', 1, filesAt(1))).rejects.toThrow(/checkpoint name: use letters/);
    await expect(store.put('fine', 1, { '../escape': new Uint8Array(1) })).rejects.toThrow(/checkpoint file: expected a relative path/);
  });

  it('refuses an object whose bytes differ from its digest, naming the object', async () => {
    const store = await checkpointStore(nats.nc);
    await store.put('bitrot', 3, filesAt(3));
    // Another writer (or a disk) changes the bytes but not the stored digest.
    const raw = await openBucket(nats.nc, CHECKPOINT_BUCKET);
    const object = 'bitrot/step-3/checkpoint/weights.bin';
    const info = await raw.info(object);
    const changed = filesAt(3)['checkpoint/weights.bin'];
    changed[12345] ^= 1;
    await raw.putBlob({ name: object, metadata: info?.metadata }, changed);
    await expect(store.get('bitrot')).rejects.toThrow(`object ${object} in bucket ${CHECKPOINT_BUCKET}: the bytes have SHA-256`);
    await expect(store.get('bitrot')).rejects.toMatchObject({ name: 'ObjectDigestError', bucket: CHECKPOINT_BUCKET, object });
    // Bytes that match their own new digest, but not the manifest's, are refused too.
    await raw.putBlob({ name: object, metadata: { sha256: sha256Hex(changed) } }, changed);
    await expect(store.get('bitrot')).rejects.toThrow(/the manifest lists [0-9a-f]{64}: it was replaced after the manifest was written/);
  });

  it('removes every checkpoint of one name, and no other', async () => {
    const store = await checkpointStore(nats.nc);
    await store.put('gone', 1, filesAt(1));
    await store.put('gone', 2, filesAt(2));
    await store.put('gone.kept', 1, filesAt(1));
    expect(await store.remove('gone')).toBe(2 * 4 + 1);
    expect(await store.latest('gone')).toBeUndefined();
    expect((await store.list()).map((listing) => listing.name)).toContain('gone.kept');
    expect((await store.list()).map((listing) => listing.name)).not.toContain('gone');
  });
});
