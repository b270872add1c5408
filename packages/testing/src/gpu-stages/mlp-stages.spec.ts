import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { TwinCase } from './gpu-stages.page.js';
import { chromiumTwins, coordinate, ksDistance, lastSnapshot as last, meanOf, varianceOf, worstRelative } from './twin-checks.js';

const page = fileURLToPath(new URL('./mlp-stages.page.ts', import.meta.url));
/** A small MLP score network (2 -> 16 -> 16 -> 2, SiLU, eps output) with its seeded initial weights. */
const SCORE = { type: 'random-mlp', width: 16, depth: 2, seed: 4 };
const VP = { type: 'vp' };
const { run } = chromiumTwins(page, 'runMlpTwin');

/**
 * The probability-flow ODE solvers with the MLP score: the GPU stage (the WGSL MLP inside the step
 * kernel) must land where the CPU stage (TF.js) does from the same start points. 250 particles in
 * batches of 96: partial workgroups, whose idle invocations still take part in the MLP's barriers.
 */
describe.each([
  { type: 'ode-euler', steps: 12 },
  { type: 'heun', steps: 6 },
  { type: 'heun', steps: 6, space: 'time' },
  { type: 'dpm-solver-2m', steps: 10 },
])('$type with an MLP score (device: webgpu) from the same start points', ({ type, steps, space }) => {
  it('emits the CPU stage\'s snapshots (steps, t, ids) with positions equal to float32 tolerance, and the same NFE', async () => {
    const twin: TwinCase = { stage: { type, score: SCORE, steps, snapshotEvery: 4, ...(space === undefined ? {} : { space }) }, sde: VP, particles: 250, batchSize: 96, seed: 3 };
    const [cpu, webgpu] = [await run(twin, 'cpu'), await run(twin, 'webgpu')];
    expect(webgpu.kind).toBe(cpu.kind);
    expect(webgpu.plan).toEqual(cpu.plan);
    expect(webgpu.nfe).toBe(cpu.nfe);
    expect(webgpu.snapshots.map((s) => [s.step, s.t, s.ids])).toEqual(cpu.snapshots.map((s) => [s.step, s.t, s.ids]));
    for (const [i, snapshot] of webgpu.snapshots.entries()) expect(worstRelative(snapshot.x, cpu.snapshots[i].x)).toBeLessThan(2e-4);
    // The network moved the particles: not the identity map.
    expect(last(webgpu).x).not.toEqual(webgpu.snapshots[0].x);
  });
});

/** The reverse SDE samplers with the MLP score: in distribution against the CPU twin (other noise, the same law). */
describe.each([
  { type: 'euler-maruyama', steps: 20 },
  { type: 'ancestral', steps: 20 },
])('$type with an MLP score (device: webgpu) in distribution', ({ type, steps }) => {
  it('samples the CPU twin\'s law: per-coordinate means within 4 standard errors of the difference, two-sample KS at the 0.1% level', async () => {
    const particles = 1000;
    const twin: TwinCase = { stage: { type, score: SCORE, steps, snapshotEvery: steps, includeInitial: false }, sde: VP, particles, seed: 5 };
    const [cpu, webgpu] = [await run(twin, 'cpu'), await run(twin, 'webgpu')];
    expect(webgpu.nfe).toBe(cpu.nfe);
    for (const j of [0, 1]) {
      const [a, b] = [coordinate(last(webgpu).x, j), coordinate(last(cpu).x, j)];
      const standardError = Math.sqrt((varianceOf(a) + varianceOf(b)) / particles);
      expect(Math.abs(meanOf(a) - meanOf(b))).toBeLessThan(4 * standardError);
      // c(0.001) sqrt(2 / n).
      expect(ksDistance(a, b)).toBeLessThan(1.95 * Math.sqrt(2 / particles));
    }
    expect(last(webgpu).x).not.toEqual(last(cpu).x);
  });
});

describe('fused: true with an MLP score', () => {
  it.each([
    { type: 'euler-maruyama', steps: 9 },
    { type: 'heun', steps: 6 },
  ])('$type gives the snapshots of one dispatch per step, bit for bit', async ({ type, steps }) => {
    const twin = (fused: boolean): TwinCase => ({ stage: { type, score: SCORE, steps, snapshotEvery: 4, fused }, sde: VP, particles: 100, seed: 9 });
    const [stepwise, fused] = [await run(twin(false), 'webgpu'), await run(twin(true), 'webgpu')];
    expect(fused.snapshots.map((s) => s.step)).toEqual([0, 4, 8, steps].filter((k, i, all) => k <= steps && all.indexOf(k) === i));
    expect(fused.snapshots).toEqual(stepwise.snapshots);
  });
});
