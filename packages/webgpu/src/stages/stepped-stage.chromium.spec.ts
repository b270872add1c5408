import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useChromiumGpu } from '../testing/use-chromium-gpu.js';

const page = fileURLToPath(new URL('./stepped-stage.page.ts', import.meta.url));
type Outcome = { error?: { name: string; message: string }; steps?: number[] };

describe('steppedStage(spec, device): the non-finite check on read-back', () => {
  const gpu = useChromiumGpu();

  it('emits a snapshot every snapshotEvery steps and after the last, when every position stays finite', async () => {
    expect(await gpu.call<Outcome>(page, 'forwardWithInfinity', 5, false, false)).toEqual({ steps: [2, 4, 5] });
  });

  it.each([false, true])('fused: %s — a position that becomes infinite is a NonFiniteError at the first snapshot, naming the stage, step, t and particle', async (fused) => {
    const { error } = await gpu.call<Outcome>(page, 'forwardWithInfinity', 5, fused, true);
    expect(error?.name).toBe('NonFiniteError');
    expect(error?.message).toMatch(/^Stage 'forward' produced a non-finite position \(NaN or infinity\) at step 2, t = 0\.4, particle id 12\./);
  });
});
