/** Page side of the MLP specs: runs the WGSL MLP in Chromium (SwiftShader) on descriptions sent as JSON. */
import type { MlpScoreDescription } from '@scoreflow/core';
import { createMlpScorer } from './mlp-scorer.js';
import { type MlpTrainerOptions, createMlpTrainer } from './mlp-trainer.js';
import { doubleGaussianRows } from './testing/dsm-rows.js';

/** A description as JSON carries its typed arrays as plain arrays. */
export type DescriptionJson = Omit<MlpScoreDescription, 'frequencies' | 'weights'> & { frequencies: number[]; weights: number[] };

const fromJson = (d: DescriptionJson): MlpScoreDescription => ({ ...d, frequencies: Float32Array.from(d.frequencies), weights: Float32Array.from(d.weights) });

/** A device whose uncaptured errors (e.g. WGSL that does not compile) are kept, to throw after the run. */
async function device(): Promise<GPUDevice & { errors: string[] }> {
  const adapter = await navigator.gpu.requestAdapter();
  if (!adapter) throw new Error('no WebGPU adapter in the page');
  const gpu = Object.assign(await adapter.requestDevice(), { errors: [] as string[] });
  gpu.onuncapturederror = (event) => gpu.errors.push(event.error.message);
  return gpu;
}

function check(gpu: { errors: string[] }): void {
  if (gpu.errors.length > 0) throw new Error(gpu.errors.join('\n'));
}

/** The WGSL score at x, t with the marginal m, s. */
export async function scoreOnGpu(description: DescriptionJson, x: number[], t: number, m: number, s: number): Promise<number[]> {
  const gpu = await device();
  const scorer = createMlpScorer(gpu, fromJson(description));
  try {
    const score = Array.from(await scorer.score(Float32Array.from(x), t, m, s));
    check(gpu);
    return score;
  } finally {
    scorer.dispose();
    gpu.destroy();
  }
}

/** What `trainOnGpu` returns: each step's loss, the first step's gradients, the final weights and Adam's moments. */
export interface GpuTraining {
  losses: number[];
  gradients: number[];
  weights: number[];
  m: number[];
  v: number[];
}

/** `steps` training steps on `doubleGaussianRows(batch, step)`. */
export async function trainOnGpu(description: DescriptionJson, options: MlpTrainerOptions, steps: number): Promise<GpuTraining> {
  const gpu = await device();
  const trainer = createMlpTrainer(gpu, fromJson(description), options);
  try {
    const losses: number[] = [];
    let gradients: number[] = [];
    for (let step = 0; step < steps; step++) {
      trainer.step(doubleGaussianRows(options.batch, step), step);
      losses.push(await trainer.loss());
      if (step === 0) gradients = Array.from(await trainer.gradients());
    }
    const adam = await trainer.adam();
    const result = { losses, gradients, weights: Array.from(await trainer.weights()), m: Array.from(adam.m), v: Array.from(adam.v) };
    check(gpu);
    return result;
  } finally {
    trainer.dispose();
    gpu.destroy();
  }
}
