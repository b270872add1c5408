import type { ObjectStore } from '@nats-io/obj';
import { ScoreflowError } from '@scoreflow/core';
import { sha256Hex } from '../chunks/index.js';

/**
 * Raised when an object's bytes do not match the SHA-256 they were stored (or listed) with; names
 * the bucket and the object. A `ScoreflowError`: the CLI prints it and exits with code 1.
 */
export class ObjectDigestError extends ScoreflowError {
  /**
   * @param bucket the object store's bucket (`sf_checkpoints`)
   * @param object the object's name (`two-moons/step-20/checkpoint/weights.bin`)
   */
  constructor(
    readonly bucket: string,
    readonly object: string,
    message: string,
  ) {
    super(`object ${object} in bucket ${bucket}: ${message}`);
  }
}

/**
 * Stores `bytes` as `name` with their SHA-256 (node:crypto) in the object's metadata, and
 * returns that digest. The object store client's own SHA-256, in JavaScript, is about 20 times
 * slower; this one is what `getVerified` checks.
 */
export async function putVerified(store: ObjectStore, name: string, bytes: Uint8Array): Promise<string> {
  const sha256 = sha256Hex(bytes);
  await store.putBlob({ name, metadata: { sha256 } }, bytes);
  return sha256;
}

/**
 * The bytes of `name`, or undefined when there is no such object. The bytes are checked
 * against the SHA-256 in the object's metadata and, when given, against `expected` (a digest
 * listed elsewhere, such as a checkpoint's manifest): `ObjectDigestError` naming the object when
 * either differs.
 */
export async function getVerified(store: ObjectStore, bucket: string, name: string, expected?: string): Promise<Uint8Array | undefined> {
  const info = await store.info(name);
  if (info === null) return undefined;
  const bytes = await store.getBlob(name);
  if (bytes === null) return undefined;
  const digest = sha256Hex(bytes);
  const stored = info.metadata?.sha256;
  if (stored !== digest) throw new ObjectDigestError(bucket, name, `the bytes have SHA-256 ${digest}, the object was stored with ${stored ?? 'none'}: it is corrupted`);
  if (expected !== undefined && expected !== digest) throw new ObjectDigestError(bucket, name, `the bytes have SHA-256 ${digest}, the manifest lists ${expected}: it was replaced after the manifest was written`);
  return bytes;
}
