import { Objm, type ObjectStore, StorageType } from '@nats-io/obj';
import type { NatsConnection } from '@nats-io/transport-node';
import { checkReplicas } from '../engine/replicas.js';

/** How a bucket is created when it does not exist yet (an existing bucket is used as it is). */
export interface BucketOptions {
  /** `file` (survives a server restart; default) or `memory`. */
  readonly storage?: 'file' | 'memory';
  /** Copies a JetStream cluster keeps (1 to 5, default 1; see `checkReplicas`). */
  readonly replicas?: number;
}

/**
 * The JetStream object store `bucket` (`@nats-io/obj`), created with `options` when missing. A
 * bucket that exists keeps its storage and replicas: the client does not change them.
 */
export async function openBucket(nc: NatsConnection, bucket: string, options: BucketOptions = {}): Promise<ObjectStore> {
  const replicas = checkReplicas(options.replicas ?? 1, 'replicas');
  return new Objm(nc).create(bucket, { storage: options.storage === 'memory' ? StorageType.Memory : StorageType.File, replicas });
}
