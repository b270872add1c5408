import { Objm, type ObjectStore, StorageType } from '@nats-io/obj';
import type { NatsConnection } from '@nats-io/transport-node';
import { sha256Hex } from '../chunks/index.js';

/** The object-store bucket of weights and checkpoints. */
export const WEIGHTS_BUCKET = 'sf_weights';

/** Raised when stored bytes do not match the SHA-256 they were stored with. */
export class RevisionDigestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RevisionDigestError';
  }
}

/** Weights (or any bytes) by revision in the JetStream object store. */
export interface RevisionStore {
  /** Stores `bytes` as `name` (a revision such as `train-x/rev-12`), with their SHA-256 (node:crypto) in the object's metadata. */
  put(name: string, bytes: Uint8Array): Promise<void>;
  /** The bytes of `name`, checked against the SHA-256 they were stored with; the last one read is kept in memory. */
  get(name: string): Promise<Uint8Array>;
  /** Removes `name`. */
  delete(name: string): Promise<void>;
}

/**
 * Weights by revision in the JetStream object store (`@nats-io/obj`, bucket `sf_weights`): a
 * trainer puts each step's weights once, and workers read them by name instead of receiving them
 * in every work item, so the weights are not limited by `max_payload`. The bytes are checked by
 * node:crypto's SHA-256 (stored in the object's metadata; the client's own SHA-256, in
 * JavaScript, is about 20 times slower). A worker keeps the last revision it read.
 */
export async function revisionStore(nc: NatsConnection, options: { readonly storage?: 'file' | 'memory' } = {}): Promise<RevisionStore> {
  const store: ObjectStore = await new Objm(nc).create(WEIGHTS_BUCKET, { storage: options.storage === 'memory' ? StorageType.Memory : StorageType.File });
  let last: { name: string; bytes: Uint8Array } | undefined;
  return {
    async put(name, bytes) {
      await store.putBlob({ name, metadata: { sha256: sha256Hex(bytes) } }, bytes);
    },
    async get(name) {
      if (last?.name === name) return last.bytes;
      const info = await store.info(name);
      const bytes = await store.getBlob(name);
      if (info === null || bytes === null) throw new Error(`revision ${name} is not in the object store ${WEIGHTS_BUCKET}`);
      const expected = info.metadata?.sha256;
      const digest = sha256Hex(bytes);
      if (expected !== digest) throw new RevisionDigestError(`revision ${name}: SHA-256 ${digest}, stored with ${expected ?? 'none'}`);
      last = { name, bytes };
      return bytes;
    },
    async delete(name) {
      await store.delete(name);
    },
  };
}
