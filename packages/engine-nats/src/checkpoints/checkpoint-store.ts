import type { NatsConnection } from '@nats-io/transport-node';
import { ScoreflowError } from '@scoreflow/core';
import { retryTransient } from '../engine/transient.js';
import { type BucketOptions, getVerified, openBucket, putVerified } from '../objects/index.js';
import { type CheckpointManifest, parseCheckpointManifest } from './checkpoint-manifest.js';
import { checkCheckpointFile, checkCheckpointName, checkpointObjects } from './checkpoint-names.js';

/** The object-store bucket of training checkpoints. */
export const CHECKPOINT_BUCKET = 'sf_checkpoints';

/** Raised when a training (or one of its steps) has no checkpoint in the store, or a file its manifest lists is gone. */
export class CheckpointNotFoundError extends ScoreflowError {}

/** A checkpoint read back: its manifest and its files (by path in the training folder), every digest checked. */
export interface StoredCheckpoint {
  readonly manifest: CheckpointManifest;
  readonly files: Readonly<Record<string, Uint8Array>>;
}

/** A training in the store: the steps it has checkpoints of (ascending) and the one `latest.json` names. */
export interface CheckpointListing {
  readonly name: string;
  readonly steps: readonly number[];
  readonly latest?: number;
}

/** Training checkpoints by name and step in the JetStream object store. */
export interface CheckpointStore {
  /**
   * Stores the files of step `steps` of training `name` (paths in the training folder, such as
   * `checkpoint/weights.bin`), each with its SHA-256; then the step's manifest; then
   * `latest.json`. A reader never finds a manifest before its files.
   */
  put(name: string, steps: number, files: Readonly<Record<string, Uint8Array>>): Promise<CheckpointManifest>;
  /** The manifest of the last checkpoint put under `name`, or undefined when there is none. */
  latest(name: string): Promise<CheckpointManifest | undefined>;
  /**
   * The checkpoint of `name` at `steps` (the latest when absent), every file checked against its
   * object's SHA-256 and the manifest's (`ObjectDigestError` naming the object);
   * `CheckpointNotFoundError` when there is none.
   */
  get(name: string, steps?: number): Promise<StoredCheckpoint>;
  /** Every training with checkpoints, by name. */
  list(): Promise<CheckpointListing[]>;
  /** Removes every checkpoint of `name` (`latest.json` first); returns the number of objects removed. */
  remove(name: string): Promise<number>;
}

/**
 * Training checkpoints in the JetStream object store (bucket `sf_checkpoints`): `scoreflow
 * train --engine` puts each checkpoint's files (the ones score-nets writes into the training
 * folder: `checkpoint/model.json`, `checkpoint/weights.bin`, `loss.csv`) under the training's name
 * and step, with their SHA-256 (node:crypto) in each object's metadata and in the step's
 * manifest, and `NAME/latest.json` names the last one. Another machine reads them back by name
 * (`scoreflow checkpoint pull`, `scoreflow train --resume`), every digest checked. Each operation
 * is retried for up to a minute after a transient error (`retryTransient`: a server restarting, a
 * cluster electing a leader); all of them are safe to repeat.
 *
 * @example
 * const store = await checkpointStore(nc);
 * await store.put('two-moons', 200, { 'checkpoint/model.json': model, 'checkpoint/weights.bin': weights, 'loss.csv': loss });
 * const { manifest, files } = await store.get('two-moons'); // the latest: step 200
 */
export async function checkpointStore(nc: NatsConnection, options: BucketOptions = {}): Promise<CheckpointStore> {
  const store = await retryTransient(() => openBucket(nc, CHECKPOINT_BUCKET, options));
  const readManifest = async (object: string): Promise<CheckpointManifest | undefined> => {
    const bytes = await getVerified(store, CHECKPOINT_BUCKET, object);
    return bytes === undefined ? undefined : parseCheckpointManifest(bytes, `object ${object} in bucket ${CHECKPOINT_BUCKET}`);
  };
  const latest = (name: string) => readManifest(checkpointObjects.latest(checkCheckpointName(name)));
  const checkpoints: CheckpointStore = {
    async put(name, steps, files) {
      checkCheckpointName(name);
      if (!Number.isSafeInteger(steps) || steps < 0) throw new RangeError(`checkpoint steps: expected an integer >= 0, got ${steps}`);
      const digests: Record<string, string> = {};
      for (const file of Object.keys(files).sort()) {
        digests[file] = await putVerified(store, checkpointObjects.file(name, steps, checkCheckpointFile(file)), files[file] as Uint8Array);
      }
      const manifest: CheckpointManifest = { name, steps, files: digests };
      const bytes = new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
      await putVerified(store, checkpointObjects.manifest(name, steps), bytes);
      await putVerified(store, checkpointObjects.latest(name), bytes);
      return manifest;
    },
    latest,
    async get(name, steps) {
      const manifest = steps === undefined ? await latest(name) : await readManifest(checkpointObjects.manifest(checkCheckpointName(name), steps));
      if (manifest === undefined) {
        throw new CheckpointNotFoundError(`no checkpoint of ${name}${steps === undefined ? '' : ` at step ${steps}`} in the object store ${CHECKPOINT_BUCKET}`);
      }
      const files: Record<string, Uint8Array> = {};
      for (const [file, digest] of Object.entries(manifest.files)) {
        const object = checkpointObjects.file(manifest.name, manifest.steps, checkCheckpointFile(file));
        const bytes = await getVerified(store, CHECKPOINT_BUCKET, object, digest);
        if (bytes === undefined) throw new CheckpointNotFoundError(`object ${object} in bucket ${CHECKPOINT_BUCKET} is missing, though the manifest of ${manifest.name} step ${manifest.steps} lists it`);
        files[file] = bytes;
      }
      return { manifest, files };
    },
    async list() {
      const steps = new Map<string, number[]>();
      for (const info of await store.list()) {
        const parsed = checkpointObjects.parseManifest(info.name);
        if (parsed !== undefined) steps.set(parsed.name, [...(steps.get(parsed.name) ?? []), parsed.steps]);
      }
      const listings: CheckpointListing[] = [];
      for (const name of [...steps.keys()].sort()) {
        const last = await latest(name);
        listings.push({ name, steps: (steps.get(name) ?? []).sort((a, b) => a - b), ...(last && { latest: last.steps }) });
      }
      return listings;
    },
    async remove(name) {
      const prefix = `${checkCheckpointName(name)}/`;
      const objects = (await store.list()).map((info) => info.name).filter((object) => object.startsWith(prefix));
      const first = checkpointObjects.latest(name);
      const ordered = [...objects.filter((object) => object === first), ...objects.filter((object) => object !== first)];
      for (const object of ordered) await store.delete(object);
      return ordered.length;
    },
  };
  return {
    put: (name, steps, files) => retryTransient(() => checkpoints.put(name, steps, files)),
    latest: (name) => retryTransient(() => checkpoints.latest(name)),
    get: (name, steps) => retryTransient(() => checkpoints.get(name, steps)),
    list: () => retryTransient(() => checkpoints.list()),
    remove: (name) => retryTransient(() => checkpoints.remove(name)),
  };
}
