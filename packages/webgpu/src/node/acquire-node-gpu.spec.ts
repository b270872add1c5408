import { describe, expect, it } from 'vitest';
import { describeGpu } from '../device/gpu-context.js';
import { NoGpuAdapterError } from '../device/no-gpu-adapter-error.js';
import { acquireNodeGpu } from './acquire-node-gpu.js';
import { nodeGpu } from './node-gpu.js';

describe('acquireNodeGpu()', () => {
  it('loads Dawn once per process and puts the WebGPU globals on globalThis', async () => {
    const gpu = await nodeGpu();
    expect(await nodeGpu()).toBe(gpu);
    expect(typeof (globalThis as { GPUBufferUsage?: { STORAGE: number } }).GPUBufferUsage?.STORAGE).toBe('number');
  });

  it('rejects at once with NoGpuAdapterError naming what to install, or gives a device where a GPU is', async () => {
    const start = Date.now();
    const outcome = await acquireNodeGpu({ timeoutMs: 10_000 }).catch((error: unknown) => error);
    if (outcome instanceof Error) {
      // These machines: Dawn has no adapter (no Vulkan driver).
      expect(outcome).toBeInstanceOf(NoGpuAdapterError);
      expect(outcome.message).toMatch(/requestAdapter\(\) resolved null/);
      expect(outcome.message).toMatch(/npm install webgpu@0\.6\.2/);
      expect(outcome.message).toMatch(/libvulkan1/);
      expect(Date.now() - start).toBeLessThan(5_000);
    } else {
      // A GPU machine (e.g. the H200 with Vulkan).
      const context = outcome as Awaited<ReturnType<typeof acquireNodeGpu>>;
      expect(describeGpu(context).limits.maxStorageBufferBindingSize).toBeGreaterThanOrEqual(128 << 20);
      context.device.destroy();
    }
  });
});
