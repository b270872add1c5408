import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useChromiumGpu } from '../testing/use-chromium-gpu.js';
import type { roundTrip } from './particle-buffer.page.js';

const page = fileURLToPath(new URL('./particle-buffer.page.ts', import.meta.url));
type RoundTrip = Awaited<ReturnType<typeof roundTrip>>;

describe('uploadParticles(device, batches) in Chromium (SwiftShader)', () => {
  const gpu = useChromiumGpu();

  it('splits the population under a small binding limit, keeps it on the GPU and reads it back as the same batches', async () => {
    // 13 particles of dimension 3 under 48 bytes per binding: chunks of 4, the second batch across two chunks.
    const ids = 2 ** 31 + 5;
    const result = await gpu.call<RoundTrip>(page, 'roundTrip', [5, 6, 2], 3, ids, true, 48, 42, 0.25);
    expect(result.chunks).toEqual([
      { first: 0, count: 4 },
      { first: 4, count: 4 },
      { first: 8, count: 4 },
      { first: 12, count: 1 },
    ]);
    expect(result.output).toHaveLength(3);
    result.output.forEach((batch, b) => {
      const before = result.input[b];
      expect(batch.fields).toEqual(before.fields);
      expect(batch.metadata).toEqual({ dim: '3', run: 'chunked', seed: '7' });
      expect(batch.id).toEqual(before.id);
      expect(batch.label).toEqual(before.label);
      expect(batch.step).toEqual(before.id.map(() => 42));
      expect(batch.t).toEqual(before.id.map(() => 0.25));
      expect(batch.x).toEqual(before.x.map((value, i) => Math.fround(2 * value + before.id[Math.floor(i / 3)])));
    });
  });

  it('keeps a population in one chunk under the device\'s own limit, without labels', async () => {
    const result = await gpu.call<RoundTrip>(page, 'roundTrip', [100, 28], 2, 0, false, null, 1, 0.5);
    expect(result.chunks).toEqual([{ first: 0, count: 128 }]);
    expect(result.output.map((batch) => batch.id.length)).toEqual([100, 28]);
    expect(result.output[1].label).toBeNull();
    expect(result.output[1].x.slice(0, 2)).toEqual([2 * 200.5 + 100, 2 * 201.5 + 100]);
  });
});
