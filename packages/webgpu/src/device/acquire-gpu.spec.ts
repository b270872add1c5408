import { isScoreflowError } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { acquireGpu } from './acquire-gpu.js';
import { NoGpuAdapterError } from './no-gpu-adapter-error.js';

/** A promise that never settles: a wedged driver. */
const never = <T>() => new Promise<T>(() => undefined);

/** A `GPU` whose `requestAdapter` does what `answer` does. */
const fakeGpu = (answer: () => Promise<GPUAdapter | null>) => ({ requestAdapter: answer }) as unknown as GPU;

/** An adapter whose `requestDevice` does what `answer` does. */
const fakeAdapter = (answer: () => Promise<GPUDevice>) =>
  ({ features: new Set<string>(), limits: {}, info: { vendor: 'acme', architecture: 'x1', description: '' }, requestDevice: answer }) as unknown as GPUAdapter;

describe('acquireGpu(options)', () => {
  it('rejects with NoGpuAdapterError, saying how to get WebGPU in Node, when the adapter is null', async () => {
    const error = await acquireGpu({ gpu: fakeGpu(async () => null) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoGpuAdapterError);
    expect(isScoreflowError(error)).toBe(true);
    expect((error as Error).name).toBe('NoGpuAdapterError');
    expect((error as Error).message).toMatch(/^No WebGPU adapter: requestAdapter\(\) resolved null .*npm install webgpu@0\.6\.2.*Vulkan/);
  });

  it('times out with NoGpuAdapterError when requestAdapter never answers', async () => {
    const start = Date.now();
    await expect(acquireGpu({ gpu: fakeGpu(never), timeoutMs: 50 })).rejects.toThrow(/requestAdapter\(\) did not answer within 50 ms/);
    expect(Date.now() - start).toBeLessThan(2000);
  });

  it('times out when requestDevice never answers, and names the adapter when it fails', async () => {
    const stuck = fakeGpu(async () => fakeAdapter(never));
    await expect(acquireGpu({ gpu: stuck, timeoutMs: 50 })).rejects.toThrow(/requestDevice\(\) did not answer within 50 ms/);
    const failing = fakeGpu(async () => fakeAdapter(async () => Promise.reject(new Error('limit exceeded'))));
    await expect(acquireGpu({ gpu: failing })).rejects.toThrow(/the adapter acme\/x1 gave no device: limit exceeded/);
  });

  it('says there is no navigator.gpu where there is none', async () => {
    expect(typeof navigator === 'undefined' || navigator.gpu === undefined).toBe(true);
    await expect(acquireGpu()).rejects.toThrow(/^No WebGPU adapter: this JavaScript environment has no navigator\.gpu\. In Node/);
  });

  it('asks for the wanted features the adapter offers and its maxima of the buffer limits', async () => {
    let descriptor: GPUDeviceDescriptor | undefined;
    const device = { features: new Set(['timestamp-query']), limits: { maxStorageBufferBindingSize: 1 << 30 } } as unknown as GPUDevice;
    const adapter = {
      features: new Set(['timestamp-query', 'float32-filterable']),
      limits: { maxStorageBufferBindingSize: 1 << 30, maxBufferSize: 2 ** 32, maxTextureDimension2D: 8192 },
      requestAdapterInfo: async () => ({ vendor: 'acme', architecture: 'x1', description: 'Acme X1' }),
      requestDevice: async (d: GPUDeviceDescriptor) => {
        descriptor = d;
        return device;
      },
    } as unknown as GPUAdapter;
    const context = await acquireGpu({ gpu: fakeGpu(async () => adapter) });
    expect(descriptor?.requiredFeatures).toEqual(['timestamp-query']);
    expect(descriptor?.requiredLimits).toEqual({ maxStorageBufferBindingSize: 1 << 30, maxBufferSize: 2 ** 32 });
    expect(context).toMatchObject({ adapter: { vendor: 'acme', architecture: 'x1', description: 'Acme X1' }, features: ['timestamp-query'], timestamps: true, subgroups: false });
  });
});
