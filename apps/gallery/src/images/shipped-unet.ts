import { type LoadedCheckpoint, loadNetwork, tf } from '@scoreflow/score-nets';
import modelUrl from '../../assets/fashion-mnist-14/model.json?url';
import weightsUrl from '../../assets/fashion-mnist-14/weights.bin?url';

/**
 * The gallery's trained score network: the U-Net of `fashion-mnist-14-train.yaml` (14 x 14
 * Fashion-MNIST, 16/32 channels, two levels, eps output, VP SDE with beta 0.1 to 20) after its
 * 4,000 DSM steps, EMA weights only (158,417 float32 numbers, 634 KB), written by
 * `scripts/export-network.ts`. Vite emits both files as assets (the `?url` imports).
 */
export const SHIPPED_UNET = { height: 14, width: 14, steps: 4000, sde: { type: 'vp', betaMin: 0.1, betaMax: 20 } } as const;

/**
 * Fetches the shipped checkpoint and loads it with score-nets' `loadNetwork` (the runner's
 * `network` score model reads the same files), on the current TF.js backend. The caller owns the
 * network (`dispose()`).
 */
export async function loadShippedUnet(): Promise<LoadedCheckpoint> {
  const [model, weights] = await Promise.all([fetchOk(modelUrl).then((r) => r.json()), fetchOk(weightsUrl).then((r) => r.arrayBuffer())]);
  const { weightsManifest, ...artifacts } = model as tf.io.ModelJSON;
  return loadNetwork(tf.io.fromMemory({ ...artifacts, weightSpecs: weightsManifest.flatMap((group) => group.weights), weightData: weights }));
}

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`gallery: cannot fetch ${url} (${response.status} ${response.statusText})`);
  return response;
}
