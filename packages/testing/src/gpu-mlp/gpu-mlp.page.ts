/**
 * Page side of gpu-mlp.spec.ts: score-nets' networks on TF.js's webgpu backend, and the same
 * networks described as data (`networkScore(...).describe()`) on @scoreflow/webgpu's WGSL MLP.
 */
import type { MlpScoreDescription } from '@scoreflow/core';
import { assignFlatWeights, createTrainer, describeMlp, unetScoreNetwork, loadNetwork, mlpScoreNetwork, networkScore, saveNetwork, selectBackend, tf } from '@scoreflow/score-nets';
import { vp } from '@scoreflow/sdes';
import { createMlpScorer, createMlpTrainer, type DsmRows } from '@scoreflow/webgpu';

const NETWORK = { dim: 2, width: 16, depth: 2, seed: 4 } as const;
const x = Float32Array.from({ length: 2 * 40 }, (_, i) => 2 * Math.sin(1.3 * i));

async function gpuDevice(): Promise<GPUDevice> {
  const adapter = await navigator.gpu.requestAdapter();
  if (!adapter) throw new Error('no WebGPU adapter in the page');
  return adapter.requestDevice();
}

/**
 * Three DSM training steps of score-nets' `createTrainer` on TF.js's webgpu backend, then on cpu (its step reads
 * the gradients and the loss back asynchronously, in one read: a synchronous read goes through a
 * canvas on this backend, which SwiftShader loses the device on and Node does not have).
 */
export async function tfjsWebgpuSteps(): Promise<{ backend: string; losses: number[]; cpuLosses: number[] }> {
  const { backend, gpu, cpu } = await onWebgpuThenCpu(async () => {
    const network = mlpScoreNetwork(NETWORK);
    const trainer = createTrainer(network, vp(), { learningRate: 1e-2, warmup: 0, seed: 1 });
    const losses: number[] = [];
    for (let step = 0; step < 3; step++) losses.push(await trainer.step(x));
    trainer.dispose();
    network.dispose();
    return losses;
  });
  return { backend, losses: gpu, cpuLosses: cpu };
}

/** `run` on TF.js's webgpu backend, then on cpu: the backend webgpu ran on (`selectBackend`/`tf.getBackend()`) and both results. */
async function onWebgpuThenCpu<T>(run: () => Promise<T>): Promise<{ backend: string; gpu: T; cpu: T }> {
  const selected = await selectBackend('webgpu');
  const backend = `${selected}/${tf.getBackend()}`;
  const gpu = await run();
  await selectBackend('cpu');
  return { backend, gpu, cpu: await run() };
}

/** What `describedOnGpu` returns: the TF.js scores and the WGSL ones, before and after GPU training and a checkpoint round trip. */
export interface DescribedRun {
  tfScore: number[];
  gpuScore: number[];
  gpuTrained: number[];
  reloadedWeights: number[];
  reloadedScore: number[];
  gpuTrainedScore: number[];
}

/**
 * On the cpu backend: a network's score and its description's WGSL score at t = 0.4; then three
 * steps of WGSL training, the trained weights assigned to the network, saved and loaded as a
 * checkpoint, and the reloaded network's score against the WGSL scorer holding the trained weights.
 */
export async function describedOnGpu(): Promise<DescribedRun> {
  await selectBackend('cpu');
  const sde = vp();
  const { mean, std } = sde.marginal(0.4);
  const network = mlpScoreNetwork(NETWORK);
  const model = networkScore(network, sde);
  const tfScore = new Float32Array(x.length);
  await model.score(x, 0.4, tfScore);
  const description = model.describe?.() as MlpScoreDescription;
  const device = await gpuDevice();
  const scorer = createMlpScorer(device, description);
  const gpuScore = await scorer.score(x, 0.4, mean, std);
  const trainer = createMlpTrainer(device, description, { batch: x.length / 2 });
  for (let step = 0; step < 3; step++) {
    const t = Float32Array.from({ length: x.length / 2 }, (_, i) => 0.05 + (0.9 * ((i * 7 + step) % 40)) / 40);
    const marginals = Array.from(t, (ti) => sde.marginal(ti));
    const rows: DsmRows = { n: t.length, dim: 2, x0: x, z: x.map((v) => Math.cos(3 * v + step)), t, mean: Float32Array.from(marginals, (m) => m.mean), std: Float32Array.from(marginals, (m) => m.std), weight: new Float32Array(t.length).fill(1) };
    trainer.step(rows, step);
  }
  const trained = await trainer.weights();
  assignFlatWeights(network.variables, trained);
  let saved: tf.io.ModelArtifacts | undefined;
  await saveNetwork(network, tf.io.withSaveHandler(async (artifacts) => {
    saved = artifacts;
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
  }));
  const loaded = await loadNetwork(tf.io.fromMemory(saved as tf.io.ModelArtifacts));
  const reloadedScore = new Float32Array(x.length);
  await networkScore(loaded.network, sde).score(x, 0.4, reloadedScore);
  scorer.setWeights(trained);
  const gpuTrainedScore = await scorer.score(x, 0.4, mean, std);
  const result = {
    tfScore: Array.from(tfScore),
    gpuScore: Array.from(gpuScore),
    gpuTrained: Array.from(trained),
    reloadedWeights: Array.from(describeMlp(loaded.network).weights),
    reloadedScore: Array.from(reloadedScore),
    gpuTrainedScore: Array.from(gpuTrainedScore),
  };
  trainer.dispose();
  scorer.dispose();
  loaded.network.dispose();
  network.dispose();
  device.destroy();
  return result;
}


/** What `unetScoreOnWebgpu` returns: the U-Net's score on webgpu, then on cpu. */
export interface UnetRun {
  backend: string;
  score: number[];
  cpuScore: number[];
}

/**
 * The image path's network on TF.js's webgpu backend, as the images bench samples with it where a GPU
 * exists: a small U-Net (8 x 8 images, 8 channels, two levels, attention, group norm) scores 6 images
 * at t = 0.3; then the same on cpu (the weights come from core's keyed RNG, the same on both).
 */
export async function unetScoreOnWebgpu(): Promise<UnetRun> {
  const images = Float32Array.from({ length: 6 * 64 }, (_, i) => Math.sin(0.37 * i) * Math.cos(0.11 * i));
  const { backend, gpu, cpu } = await onWebgpuThenCpu(async () => {
    const network = unetScoreNetwork({ type: 'unet', height: 8, width: 8, baseChannels: 8, channelMultipliers: [1, 2], groups: 4, attention: true, seed: 3 });
    const score = new Float32Array(images.length);
    await networkScore(network, vp()).score(images, 0.3, score);
    network.dispose();
    return Array.from(score);
  });
  return { backend, score: gpu, cpuScore: cpu };
}

/**
 * Two DSM training steps (`createTrainer`, Adam) of that U-Net on 4 images on TF.js's webgpu backend,
 * then on cpu: the path `scoreflow train` takes for images on a GPU. (On 2026-12-05 one such step
 * lost the device under SwiftShader; on 2026-12-06 it ran, the cause of the loss not found.)
 */
export async function unetWebgpuSteps(): Promise<{ backend: string; losses: number[]; cpuLosses: number[] }> {
  const images = Float32Array.from({ length: 4 * 64 }, (_, i) => Math.sin(0.37 * i));
  const { backend, gpu, cpu } = await onWebgpuThenCpu(async () => {
    const network = unetScoreNetwork({ type: 'unet', height: 8, width: 8, baseChannels: 8, channelMultipliers: [1, 2], groups: 4, attention: true, seed: 3 });
    const trainer = createTrainer(network, vp(), { learningRate: 1e-3, warmup: 0, seed: 1 });
    const losses: number[] = [];
    for (let step = 0; step < 2; step++) losses.push(await trainer.step(images));
    trainer.dispose();
    network.dispose();
    return losses;
  });
  return { backend, losses: gpu, cpuLosses: cpu };
}
