/** Page-side probe for acquire-gpu.chromium.spec.ts: acquires a device in the browser and describes it. */
import { acquireGpu } from './acquire-gpu.js';
import { describeGpu, type GpuDescription } from './gpu-context.js';

export async function describePageGpu(): Promise<GpuDescription & { subgroups: boolean }> {
  const context = await acquireGpu();
  const description = { ...describeGpu(context), subgroups: context.subgroups };
  context.device.destroy();
  return description;
}
