import { type BucketOptions, type CheckpointManifest, type StoredCheckpoint, checkpointStore, connectEngine } from '@scoreflow/engine-nats';
import { readTrainingFiles } from './training-files.js';

/** One training's checkpoints in the engine's object store, over a connection of its own. */
export interface EngineCheckpoints {
  /** The training's name in the store (the train config's `name`). */
  readonly name: string;
  /** Puts the checkpoint the training folder `outDir` holds now (just saved at step `steps`) into the store. */
  publish(outDir: string, steps: number): Promise<CheckpointManifest>;
  /** The manifest of the last checkpoint stored, or undefined. */
  latest(): Promise<CheckpointManifest | undefined>;
  /** The checkpoint at `steps` (the latest by default), every digest checked. */
  get(steps?: number): Promise<StoredCheckpoint>;
  /** Removes every checkpoint of the training from the store. */
  remove(): Promise<number>;
  close(): Promise<void>;
}

/**
 * The checkpoints of training `name` in the object store of the engine at `engine`
 * (`checkpointStore`, bucket `sf_checkpoints`): `scoreflow train --engine` publishes every
 * checkpoint it saves into its output folder, byte for byte, and `--resume` or `scoreflow
 * checkpoint pull` read them back.
 */
export async function engineCheckpoints(engine: string, name: string, options: BucketOptions = {}): Promise<EngineCheckpoints> {
  const nc = await connectEngine(engine, `scoreflow checkpoints ${name}`);
  try {
    const store = await checkpointStore(nc, options);
    return {
      name,
      publish: (outDir, steps) => store.put(name, steps, readTrainingFiles(outDir)),
      latest: () => store.latest(name),
      get: (steps) => store.get(name, steps),
      remove: () => store.remove(name),
      close: () => nc.close(),
    };
  } catch (error) {
    await nc.close();
    throw error;
  }
}
