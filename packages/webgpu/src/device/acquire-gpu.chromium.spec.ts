import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useChromiumGpu } from '../testing/use-chromium-gpu.js';
import type { describePageGpu } from './acquire-gpu.page.js';

const page = fileURLToPath(new URL('./acquire-gpu.page.ts', import.meta.url));

describe('acquireGpu() in Chromium (SwiftShader)', () => {
  const gpu = useChromiumGpu();

  it('acquires google/swiftshader with timestamp-query, subgroups and the adapter\'s storage-buffer maximum', async () => {
    const description = await gpu.call<Awaited<ReturnType<typeof describePageGpu>>>(page, 'describePageGpu');
    expect(description.adapter).toMatchObject({ vendor: 'google', architecture: 'swiftshader' });
    expect(description.label).toMatch(/^google\/swiftshader/);
    expect(description.timestamps).toBe(true);
    expect(description.subgroups).toBe(true);
    expect(description.features).toEqual(expect.arrayContaining(['subgroups', 'timestamp-query']));
    // Above WebGPU's default of 128 MiB: the adapter's maximum was asked for.
    expect(description.limits.maxStorageBufferBindingSize).toBeGreaterThan(128 * 2 ** 20);
    expect(description.limits.maxComputeWorkgroupStorageSize).toBeGreaterThan(16 * 1024);
  });
});
