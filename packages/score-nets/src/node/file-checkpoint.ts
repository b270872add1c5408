import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tf } from '../backend/tf.js';

/** Names of the files of a checkpoint folder. */
export const MODEL_JSON = 'model.json';
export const WEIGHTS_BIN = 'weights.bin';

/**
 * A tf.io handler on a folder: `save` writes `model.json` (TF.js's ModelJSON: topology, one
 * weights-manifest group pointing at `weights.bin`, metadata) and `weights.bin`; `load` reads them
 * back. The folder is created if needed.
 */
export function fileCheckpoint(folder: string): tf.io.IOHandler {
  return {
    async save(artifacts: tf.io.ModelArtifacts): Promise<tf.io.SaveResult> {
      const weightData = artifacts.weightData ?? new ArrayBuffer(0);
      const weights = new Uint8Array(tf.io.CompositeArrayBuffer.join(weightData));
      const modelJson: tf.io.ModelJSON = {
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        modelTopology: artifacts.modelTopology ?? {},
        weightsManifest: [{ paths: [WEIGHTS_BIN], weights: artifacts.weightSpecs ?? [] }],
        userDefinedMetadata: artifacts.userDefinedMetadata,
      };
      await mkdir(folder, { recursive: true });
      await writeFile(join(folder, WEIGHTS_BIN), weights);
      await writeFile(join(folder, MODEL_JSON), `${JSON.stringify(modelJson, null, 2)}\n`);
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    },
    async load(): Promise<tf.io.ModelArtifacts> {
      const modelJson = JSON.parse(await readFile(join(folder, MODEL_JSON), 'utf8')) as tf.io.ModelJSON;
      const bytes = await readFile(join(folder, WEIGHTS_BIN));
      const specs = modelJson.weightsManifest.flatMap((group) => group.weights);
      return tf.io.getModelArtifactsForJSON(modelJson, () => Promise.resolve([specs, Uint8Array.from(bytes).buffer]));
    },
  };
}
