import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tf } from '../backend/tf.js';
import { CheckpointError } from '../checkpoint/checkpoint-error.js';

/** Names of the files of a checkpoint folder. */
export const MODEL_JSON = 'model.json';
export const WEIGHTS_BIN = 'weights.bin';

/**
 * A tf.io handler on a folder: `save` writes `model.json` (TF.js's ModelJSON: topology, one
 * weights-manifest group pointing at `weights.bin`, metadata) and `weights.bin`; `load` reads them
 * back (a file that is missing, unreadable or not JSON: `CheckpointError` naming it). The folder
 * is created if needed.
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
      const modelFile = join(folder, MODEL_JSON);
      const modelJson = parseModelJson(modelFile, await readCheckpointFile(modelFile));
      const bytes = await readCheckpointFile(join(folder, WEIGHTS_BIN));
      const specs = modelJson.weightsManifest.flatMap((group) => group.weights);
      return tf.io.getModelArtifactsForJSON(modelJson, () => Promise.resolve([specs, Uint8Array.from(bytes).buffer]));
    },
  };
}

/** The bytes of a checkpoint's `file`, or a `CheckpointError` naming it. */
async function readCheckpointFile(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CheckpointError(`cannot read ${file} (${code === 'ENOENT' ? 'no such file' : (code ?? (error as Error).message)})`, { cause: error });
  }
}

/** `bytes` of `file` as TF.js's ModelJSON (with a weights manifest), or a `CheckpointError` naming the file. */
function parseModelJson(file: string, bytes: Buffer): tf.io.ModelJSON {
  let json: Partial<tf.io.ModelJSON>;
  try {
    json = JSON.parse(bytes.toString('utf8')) as Partial<tf.io.ModelJSON>;
  } catch (error) {
    throw new CheckpointError(`${file} is not JSON (${(error as Error).message})`, { cause: error });
  }
  if (!Array.isArray(json?.weightsManifest) || !json.weightsManifest.every((group) => Array.isArray(group?.weights))) {
    throw new CheckpointError(`${file} has no weights manifest (a list of { paths, weights }): not a TF.js model.json`);
  }
  return json as tf.io.ModelJSON;
}
