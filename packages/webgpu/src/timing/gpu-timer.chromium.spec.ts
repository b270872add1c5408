import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useChromiumGpu } from '../testing/use-chromium-gpu.js';
import type { timePasses } from './gpu-timer.page.js';

const page = fileURLToPath(new URL('./gpu-timer.page.ts', import.meta.url));
type Timed = Awaited<ReturnType<typeof timePasses>>;

describe('createGpuTimer(context) in Chromium (SwiftShader, which has timestamp-query)', () => {
  const gpu = useChromiumGpu();

  it('times each pass on the GPU with timestamp queries: the heavy pass takes longer', async () => {
    const { kind, timings, overflow } = await gpu.call<Timed>(page, 'timePasses', 10, 20_000, true);
    expect(kind).toBe('timestamp-query');
    expect(timings.map((timing) => timing.label)).toEqual(['light', 'heavy']);
    expect(timings[1].ms).toBeGreaterThan(timings[0].ms);
    expect(timings[1].ms).toBeGreaterThan(0);
    expect(overflow).toBe("GpuTimer: pass 'third' is one more than the timer's capacity of 2 passes between reads: read() first, or a larger capacity.");
  });

  it('falls back to the wall clock up to onSubmittedWorkDone without timestamps: one timing for all passes', async () => {
    const { kind, timings } = await gpu.call<Timed>(page, 'timePasses', 10, 20_000, false);
    expect(kind).toBe('wall-clock');
    expect(timings).toHaveLength(1);
    expect(timings[0].label).toBe('light + heavy');
    expect(timings[0].ms).toBeGreaterThan(0);
  });
});
