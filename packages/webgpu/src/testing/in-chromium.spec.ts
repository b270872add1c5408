import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useChromiumGpu } from './use-chromium-gpu.js';

const page = fileURLToPath(new URL('./in-chromium.page.ts', import.meta.url));

describe('launchChromiumGpu()', () => {
  const gpu = useChromiumGpu();

  it('runs a WGSL kernel in headless Chromium on the SwiftShader adapter', async () => {
    const result = await gpu.call<{ adapter: string; doubled: number[] }>(page, 'doubleOnGpu', [1, -2.5, 3e10, 0]);
    expect(result.adapter).toMatch(/swiftshader/);
    expect(result.doubled).toEqual(Array.from(new Float32Array([2, -5, 6e10, 0])));
  });

  it('names a missing export', async () => {
    await expect(gpu.call(page, 'nothingHere')).rejects.toThrow(/no exported function nothingHere/);
  });
});
