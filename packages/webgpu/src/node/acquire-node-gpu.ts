import { type AcquireGpuOptions, acquireGpu } from '../device/acquire-gpu.js';
import type { GpuContext } from '../device/gpu-context.js';
import { nodeGpu } from './node-gpu.js';

/**
 * `acquireGpu` in Node, over `nodeGpu()` (Dawn). Without a GPU and Vulkan driver it rejects
 * at once with `NoGpuAdapterError` (Dawn answers null, after printing a Vulkan warning to stderr).
 * Destroy the device when done (`context.device.destroy()`): a live Dawn device keeps Node running.
 *
 * @example
 * const { device, adapter } = await acquireNodeGpu(); // adapter: { vendor: 'nvidia', architecture: 'hopper', ... }
 */
export async function acquireNodeGpu(options: Omit<AcquireGpuOptions, 'gpu'> = {}): Promise<GpuContext> {
  return acquireGpu({ ...options, gpu: await nodeGpu() });
}
