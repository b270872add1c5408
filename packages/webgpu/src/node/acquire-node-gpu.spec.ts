import { describe, expect, it } from 'vitest';
import { describeGpu } from '../device/gpu-context.js';
import { NoGpuAdapterError } from '../device/no-gpu-adapter-error.js';
import { acquireNodeGpu } from './acquire-node-gpu.js';
import { loadDawn, nodeGpu } from './node-gpu.js';

describe('acquireNodeGpu()', () => {
  it('loads Dawn, whose GPU answers requestAdapter, and puts the WebGPU globals on globalThis', async () => {
    const gpu = await nodeGpu();
    expect(typeof gpu.requestAdapter).toBe('function');
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

  it('says that the optional package is missing, or why it did not load', async () => {
    const missing = Object.assign(new Error("Cannot find package 'webgpu'"), { code: 'ERR_MODULE_NOT_FOUND' });
    await expect(loadDawn(() => Promise.reject(missing))).rejects.toThrow(/^No WebGPU adapter: the optional package `webgpu` is not installed\. In Node, .*npm install webgpu@0\.6\.2/);
    const broken = new Error('dawn.node: invalid ELF header');
    await expect(loadDawn(() => Promise.reject(broken))).rejects.toThrow(/^No WebGPU adapter: the package `webgpu` did not load: dawn\.node: invalid ELF header\./);
  });
});
