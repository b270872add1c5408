import { fileURLToPath } from 'node:url';
import { useChromiumGpu } from '@scoreflow/webgpu/testing';
import { describe, expect, it } from 'vitest';
import type { DescribedRun } from './gpu-mlp.page.js';

const page = fileURLToPath(new URL('./gpu-mlp.page.ts', import.meta.url));

/** Largest |a - b| over largest |b|. */
const relativeError = (a: number[], b: number[]) => Math.max(...a.map((v, i) => Math.abs(v - b[i]!))) / Math.max(...b.map(Math.abs));

const gpu = useChromiumGpu();

describe('score-nets on WebGPU in Chromium (SwiftShader)', () => {
  it('selectBackend("webgpu") selects TF.js\'s webgpu backend, and a training step runs on it', async () => {
    const { backend, losses } = await gpu.call<{ backend: string; losses: number[] }>(page, 'tfjsWebgpuSteps');
    expect(backend).toBe('webgpu/webgpu');
    expect(losses).toHaveLength(2);
    for (const loss of losses) expect(loss).toBeGreaterThan(0);
  });

  it('networkScore(...).describe() on the WGSL MLP gives the TF.js score; GPU-trained weights go through a checkpoint unchanged', async () => {
    const run = await gpu.call<DescribedRun>(page, 'describedOnGpu');
    expect(relativeError(run.gpuScore, run.tfScore)).toBeLessThan(1e-5);
    expect(run.reloadedWeights).toEqual(run.gpuTrained);
    expect(relativeError(run.gpuTrainedScore, run.reloadedScore)).toBeLessThan(1e-5);
    expect(relativeError(run.gpuTrainedScore, run.gpuScore)).toBeGreaterThan(1e-4);
  });
});
