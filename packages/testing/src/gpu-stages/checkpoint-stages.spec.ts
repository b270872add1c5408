import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { TwinCase } from './gpu-stages.page.js';
import { chromiumTwins, lastSnapshot as last, worstRelative } from './twin-checks.js';

const page = fileURLToPath(new URL('./checkpoint-stages.page.ts', import.meta.url));
/** A checkpoint of a small MLP score network (2 -> 16 -> 16 -> 2, SiLU, eps output), saved and loaded as the network plugin does. */
const SCORE = { type: 'memory-checkpoint', width: 16, depth: 2, seed: 6 };
const VP = { type: 'vp' };
const { run, call } = chromiumTwins(page, 'runCheckpointTwin');

describe('a checkpoint\'s network on webgpu: described before its weights load, the weights on the first batch', () => {
  it('ode-euler from the same start points: the CPU stage\'s snapshots to float32 tolerance, and the same NFE', async () => {
    const twin: TwinCase = { stage: { type: 'ode-euler', score: SCORE, steps: 12, snapshotEvery: 4 }, sde: VP, particles: 200, batchSize: 96, seed: 3 };
    const [cpu, webgpu] = [await run(twin, 'cpu'), await run(twin, 'webgpu')];
    expect(webgpu.nfe).toBe(cpu.nfe);
    expect(webgpu.snapshots.map((s) => [s.step, s.t, s.ids])).toEqual(cpu.snapshots.map((s) => [s.step, s.t, s.ids]));
    for (const [i, snapshot] of webgpu.snapshots.entries()) expect(worstRelative(snapshot.x, cpu.snapshots[i].x)).toBeLessThan(2e-4);
    expect(last(webgpu).x).not.toEqual(webgpu.snapshots[0].x);
  });

  it('fused euler-maruyama runs on the loaded weights: the snapshots of one dispatch per step, bit for bit', async () => {
    const twin = (fused: boolean): TwinCase => ({ stage: { type: 'euler-maruyama', score: SCORE, steps: 8, snapshotEvery: 4, fused }, sde: VP, particles: 100, seed: 9 });
    const [stepwise, fused] = [await run(twin(false), 'webgpu'), await run(twin(true), 'webgpu')];
    expect(fused.snapshots.map((s) => s.step)).toEqual([0, 4, 8]);
    expect(fused.snapshots).toEqual(stepwise.snapshots);
  });

  it('weights that cannot be read fail the run on its first batch with a ConfigError at pipeline.0.score.checkpoint', async () => {
    const twin: TwinCase = { stage: { type: 'ode-euler', score: { ...SCORE, cut: true }, steps: 4 }, sde: VP, particles: 10, seed: 1 };
    const error = await call<{ name: string; issues?: { path: string; message: string }[] }>('checkpointTwinError', twin);
    expect(error?.name).toBe('ConfigError');
    expect(error?.issues).toEqual([{ path: 'pipeline.0.score.checkpoint', message: expect.stringMatching(/^cannot load the checkpoint: .*bytes/) }]);
  });
});
