/**
 * Page side of checkpoint-stages.spec.ts: the `network` score model's path, in the browser. A
 * seeded MLP score network is saved by score-nets (`saveNetwork`, into memory rather than a
 * checkpoint folder) and read back by `loadNetwork` on first use, as the Node plugin reads its
 * folder: the CPU stage scores with the loaded network through TF.js (`networkScore`), the GPU stage
 * through the deferred description (`deferredMlpDescription`: an `mlp` of the checkpoint's `dim`
 * when the stage is built, the loaded weights on its first batch).
 */
import { ConfigError, type ScoreModel, definePlugin, isConfigError } from '@scoreflow/core';
import { createBrowserRegistry } from '@scoreflow/catalogue';
import { type ScoreNetwork, deferredMlpDescription, loadNetwork, mlpScoreNetwork, networkScore, saveNetwork, selectBackend, tf } from '@scoreflow/score-nets';
import { z } from 'zod';
import { type TwinCase, type TwinRun, runTwinIn } from './gpu-stages.page.js';

/** A seeded MLP score network's checkpoint, as `saveNetwork` writes it; `cut` keeps 16 bytes of its weights (a file cut short). */
async function savedCheckpoint(options: { width: number; depth: number; seed: number; cut: boolean }): Promise<tf.io.ModelArtifacts> {
  const network = mlpScoreNetwork({ dim: 2, width: options.width, depth: options.depth, seed: options.seed });
  // Weights away from their initial values, so that the loaded ones are the saved ones and not a re-initialisation.
  network.variables.forEach((v, i) => v.assign(tf.tidy(() => tf.add(v, tf.randomNormal(v.shape, 0, 0.1, 'float32', options.seed + i)))));
  let saved: tf.io.ModelArtifacts | undefined;
  await saveNetwork(
    network,
    tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  network.dispose();
  const artifacts = saved as tf.io.ModelArtifacts;
  if (!options.cut) return artifacts;
  return { ...artifacts, weightData: new Uint8Array(tf.io.CompositeArrayBuffer.join(artifacts.weightData ?? new ArrayBuffer(0))).slice(0, 16).buffer };
}

/** `{ type: memory-checkpoint, width, depth, seed, cut }`: the network plugin's score model over an in-memory checkpoint. */
const memoryCheckpointPlugin = definePlugin({
  kind: 'score-model',
  name: 'memory-checkpoint',
  description: 'an MLP score network saved by score-nets into memory, loaded on first use (the network plugin in the browser)',
  options: z.strictObject({
    width: z.number().int().min(1).default(16),
    depth: z.number().int().min(1).default(2),
    seed: z.number().int().default(0),
    cut: z.boolean().default(false),
  }),
  create: (options, ctx): ScoreModel => {
    const { sde } = ctx;
    if (sde === undefined) throw new Error("memory-checkpoint needs the stage's SDE");
    const at = `${ctx.path}.checkpoint`;
    let network: Promise<ScoreNetwork> | undefined;
    const loaded = () =>
      (network ??= savedCheckpoint(options)
        .then((artifacts) => loadNetwork(tf.io.fromMemory(artifacts)))
        .then(
          (checkpoint) => checkpoint.network,
          (error: unknown) => {
            if (!isConfigError(error)) throw error;
            throw new ConfigError('Invalid network score model', [{ path: at, message: `cannot load the checkpoint: ${error.message}` }], { cause: error });
          },
        ));
    let model: Promise<ScoreModel> | undefined;
    const description = deferredMlpDescription(2, at, loaded);
    return {
      name: 'network(memory)',
      dim: 2,
      describe: () => description,
      async score(x, t, out) {
        model ??= loaded().then((net) => networkScore(net, sde));
        await (await model).score(x, t, out);
      },
    };
  },
});

const registry = createBrowserRegistry([memoryCheckpointPlugin]);
const backend = selectBackend('cpu');

/** `runTwin` of gpu-stages.page.ts where a stage's score may be `{ type: memory-checkpoint, ... }`. */
export async function runCheckpointTwin(twin: TwinCase, device: 'cpu' | 'webgpu'): Promise<TwinRun> {
  await backend;
  return runTwinIn(registry, twin, device);
}

/** The error of `runCheckpointTwin(twin, 'webgpu')`, as `{ name, issues }` (undefined issues for an error without them), or undefined when it runs. */
export async function checkpointTwinError(twin: TwinCase): Promise<{ name: string; issues?: unknown } | undefined> {
  try {
    await runCheckpointTwin(twin, 'webgpu');
    return undefined;
  } catch (error) {
    return { name: (error as Error).name, ...(isConfigError(error) && { issues: error.issues }) };
  }
}
