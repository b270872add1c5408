/** Page side of the MLP specs: runs the WGSL MLP in Chromium (SwiftShader) on descriptions sent as JSON. */
import type { MlpScoreDescription } from '@scoreflow/core';
import { createMlpScorer } from './mlp-scorer.js';

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
