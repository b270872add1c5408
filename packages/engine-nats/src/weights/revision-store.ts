import type { NatsConnection } from '@nats-io/transport-node';
import { retryTransient } from '../engine/transient.js';
import { type BucketOptions, getVerified, openBucket, putVerified } from '../objects/index.js';

/** The object-store bucket of training weights by revision (removed once their step is done). */
export const WEIGHTS_BUCKET = 'sf_weights';

/** Weights (or any bytes) by revision in the JetStream object store. */
export interface RevisionStore {
  /** Stores `bytes` as `name` (a revision such as `train-x/rev-12`), with their SHA-256 (node:crypto) in the object's metadata. */
  put(name: string, bytes: Uint8Array): Promise<void>;
  /** The bytes of `name`, checked against the SHA-256 they were stored with (`ObjectDigestError`); the last one read is kept in memory. */
  get(name: string): Promise<Uint8Array>;
  /** Removes `name`. */
  delete(name: string): Promise<void>;
}

/**
 * Weights by revision in the JetStream object store (`@nats-io/obj`, bucket `sf_weights`): a
 * trainer puts each step's weights once, and workers read them by name instead of receiving them
 * in every work item, so the weights are not limited by `max_payload`. The bytes are checked by
 * node:crypto's SHA-256 (stored in the object's metadata; the client's own SHA-256, in
 * JavaScript, is about 20 times slower). A worker keeps the last revision it read. Transient
 * errors (a server restarting, a cluster electing a leader) are retried for up to a minute.
 */
export async function revisionStore(nc: NatsConnection, options: BucketOptions = {}): Promise<RevisionStore> {
  const store = await retryTransient(() => openBucket(nc, WEIGHTS_BUCKET, options));
  let last: { name: string; bytes: Uint8Array } | undefined;
  return {
    async put(name, bytes) {
      await retryTransient(() => putVerified(store, name, bytes));
    },
    async get(name) {
      if (last?.name === name) return last.bytes;
      const bytes = await retryTransient(() => getVerified(store, WEIGHTS_BUCKET, name));
      if (bytes === undefined) throw new Error(`revision ${name} is not in the object store ${WEIGHTS_BUCKET}`);
      last = { name, bytes };
      return bytes;
    },
    async delete(name) {
      await retryTransient(() => store.delete(name));
    },
  };
}
