import { fileURLToPath } from 'node:url';
import { useChromiumGpu } from '@scoreflow/webgpu/testing';
import { describe, expect, it } from 'vitest';
import type { DescribedRun, UnetRun } from './gpu-mlp.page.js';

const page = fileURLToPath(new URL('./gpu-mlp.page.ts', import.meta.url));

/** Largest |a - b| over largest |b|. */
const relativeError = (a: number[], b: number[]) => Math.max(...a.map((v, i) => Math.abs(v - b[i]!))) / Math.max(...b.map(Math.abs));

const gpu = useChromiumGpu();

describe('score-nets on WebGPU in Chromium (SwiftShader)', () => {
  it('selectBackend("webgpu") selects TF.js\'s webgpu backend, and createTrainer\'s steps run on it', async () => {
    const { backend, losses, cpuLosses } = await gpu.call<{ backend: string; losses: number[]; cpuLosses: number[] }>(page, 'tfjsWebgpuSteps');
    expect(backend).toBe('webgpu/webgpu');
    expect(losses).toHaveLength(3);
    // The same batches and Adam steps as on cpu: the losses agree to float32 roundoff of the kernels (steps 2 and 3 after updates).
    expect(relativeError(losses, cpuLosses)).toBeLessThan(1e-4);
    expect(losses[2]).not.toBe(losses[0]);
  });

  it('networkScore(...).describe() on the WGSL MLP gives the TF.js score; GPU-trained weights go through a checkpoint unchanged', async () => {
    const run = await gpu.call<DescribedRun>(page, 'describedOnGpu');
    expect(relativeError(run.gpuScore, run.tfScore)).toBeLessThan(1e-5);
    expect(run.reloadedWeights).toEqual(run.gpuTrained);
    expect(relativeError(run.gpuTrainedScore, run.reloadedScore)).toBeLessThan(1e-5);
    expect(relativeError(run.gpuTrainedScore, run.gpuScore)).toBeGreaterThan(1e-4);
  });

  it('the U-Net (convolutions, group norm, attention) scores on webgpu as on cpu', async () => {
    const run = await gpu.call<UnetRun>(page, 'unetScoreOnWebgpu');
    expect(run.backend).toBe('webgpu/webgpu');
    expect(run.score).toHaveLength(6 * 64);
    expect(relativeError(run.score, run.cpuScore)).toBeLessThan(1e-4);
  });

  it("a U-Net's DSM training steps on TF.js's webgpu backend give the cpu backend's losses", async () => {
    const { backend, losses, cpuLosses } = await gpu.call<{ backend: string; losses: number[]; cpuLosses: number[] }>(page, 'unetWebgpuSteps');
    expect(backend).toBe('webgpu/webgpu');
    expect(losses).toHaveLength(2);
    // The same batches and Adam step: the second loss is after an update of every weight.
    expect(relativeError(losses, cpuLosses)).toBeLessThan(1e-4);
    expect(losses[1]).not.toBe(losses[0]);
  }, 120_000);
});
