import { fileURLToPath } from 'node:url';
import { GPU_METHODS, NoGpuAdapterError } from '@scoreflow/webgpu';
import { useChromiumGpu } from '@scoreflow/webgpu/testing';
import { describe, expect, it } from 'vitest';
import { gpuBench } from './gpu-bench.js';
import type { GpuFigure } from './gpu-figures.js';

const page = fileURLToPath(new URL('./gpu-figures.page.ts', import.meta.url));

describe('gpuFigures (the GPU bench) at tiny sizes on SwiftShader', () => {
  const gpu = useChromiumGpu();

  it('measures every GPU stage, the fused step, the many-particle step, sampling with the MLP score and the training step, each a finite positive figure', async () => {
    const figures = await gpu.call<GpuFigure[]>(page, 'tinyFigures');
    const names = figures.map((figure) => figure.figure);
    for (const method of GPU_METHODS) expect(names).toContain(`${method}, one dispatch per step`);
    expect(names).toEqual(expect.arrayContaining(['euler-maruyama, fused over 4 steps', 'euler-maruyama on 4,096 particles, one step', 'euler-maruyama with the MLP 3x128 score', 'DSM training step, MLP 3x128, Adam, batch 64']));
    for (const figure of figures) {
      expect(Number.isFinite(figure.value), figure.figure).toBe(true);
      expect(figure.value, figure.figure).toBeGreaterThanOrEqual(0);
    }
    // Sampling with the MLP score is a rate: the steps after the first took time, so it is above 0.
    const mlp = figures.find((figure) => figure.figure === 'euler-maruyama with the MLP 3x128 score');
    expect(mlp).toMatchObject({ unit: 'particle-steps/s', detail: { particles: 2048, steps: 4 } });
    expect(mlp?.value).toBeGreaterThan(0);
  }, 240_000);
});

describe('gpuBench on a machine without an adapter', () => {
  it('reports no figures and says why, instead of failing the bench', async () => {
    const lines: string[] = [];
    const acquire = () => Promise.reject(new NoGpuAdapterError('navigator.gpu.requestAdapter() returned null', 'node'));
    const result = await gpuBench({ write: (line) => lines.push(line), acquire });
    expect(result.values).toEqual([]);
    expect(result.description).toMatch(/no WebGPU adapter on this machine \(navigator.gpu.requestAdapter\(\) returned null\)/);
    expect(JSON.parse(lines[0]!)).toMatchObject({ figure: 'adapter', detail: { none: 'navigator.gpu.requestAdapter() returned null' } });
  });

  it('lets other errors through', async () => {
    await expect(gpuBench({ write: () => undefined, acquire: () => Promise.reject(new TypeError('a bug')) })).rejects.toThrow('a bug');
  });
});
