import { fileURLToPath } from 'node:url';
import { MIXTURE_PRESETS, erf, mixtureCovariance, mixtureMean } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import type { TwinCase } from './gpu-stages.page.js';
import { chromiumTwins, coordinate, ksDistance, lastSnapshot as last, meanOf, worstRelative } from './twin-checks.js';

const page = fileURLToPath(new URL('./gpu-stages.page.ts', import.meta.url));
const SCORE = { type: 'gaussian-mixture', preset: 'double-gaussian' };
const VP = { type: 'vp' };

const { run } = chromiumTwins(page, 'runTwin');

/** The probability-flow ODE solvers: deterministic, so the GPU stage must land where the CPU stage does. */
describe.each([
  { type: 'ode-euler', steps: 24 },
  { type: 'heun', steps: 12 },
  { type: 'heun', steps: 12, space: 'time' },
  { type: 'dpm-solver-2m', steps: 16 },
])('$type (device: webgpu) from the same start points', ({ type, steps, space }) => {
  it('emits the snapshots of the CPU stage (steps, t, ids) with positions equal to float32 tolerance, and the same NFE', async () => {
    const twin: TwinCase = { stage: { type, score: SCORE, steps, snapshotEvery: 4, ...(space === undefined ? {} : { space }) }, sde: VP, particles: 512, seed: 3 };
    const [cpu, webgpu] = [await run(twin, 'cpu'), await run(twin, 'webgpu')];
    expect(webgpu.kind).toBe(cpu.kind);
    expect(webgpu.plan).toEqual(cpu.plan);
    expect(webgpu.nfe).toBe(cpu.nfe);
    expect(webgpu.snapshots.map((s) => [s.step, s.t])).toEqual(cpu.snapshots.map((s) => [s.step, s.t]));
    for (const [i, snapshot] of webgpu.snapshots.entries()) {
      expect(snapshot.ids).toEqual(cpu.snapshots[i].ids);
      expect(worstRelative(snapshot.x, cpu.snapshots[i].x)).toBeLessThan(2e-4);
    }
  });
});

/** The reverse SDE samplers: in distribution against the exact target, the double Gaussian. */
describe.each([
  { type: 'euler-maruyama', steps: 40 },
  { type: 'ancestral', steps: 40 },
])('$type (device: webgpu) in distribution', ({ type, steps }) => {
  it('samples the double Gaussian: per-coordinate means within 4 standard errors of the CPU twin\'s error, and the KS test of x1 against the CPU sample passes', async () => {
    const particles = 1600;
    const twin: TwinCase = { stage: { type, score: SCORE, steps, snapshotEvery: steps, includeInitial: false }, sde: VP, particles, seed: 5 };
    const [cpu, webgpu] = [await run(twin, 'cpu'), await run(twin, 'webgpu')];
    expect(webgpu.nfe).toBe(cpu.nfe);
    const target = MIXTURE_PRESETS['double-gaussian']();
    const [mean, cov] = [mixtureMean(target), mixtureCovariance(target)];
    for (const j of [0, 1]) {
      const standardError = Math.sqrt(cov[j * 3] / particles);
      const cpuError = Math.abs(meanOf(coordinate(last(cpu).x, j)) - mean[j]);
      expect(Math.abs(meanOf(coordinate(last(webgpu).x, j)) - mean[j])).toBeLessThan(cpuError + 4 * Math.SQRT2 * standardError);
    }
    // Two-sample KS at the 0.1% level: c(0.001) sqrt(2 / n).
    expect(ksDistance(coordinate(last(webgpu).x, 0), coordinate(last(cpu).x, 0))).toBeLessThan(1.95 * Math.sqrt(2 / particles));
    // Not a copy of the CPU's draws: the GPU uses the counter RNG.
    expect(last(webgpu).x).not.toEqual(last(cpu).x);
  });
});

describe('fused: true', () => {
  it.each([
    { type: 'euler-maruyama', steps: 24 },
    { type: 'dpm-solver-2m', steps: 12 },
    { type: 'forward', steps: 12 },
  ])('$type gives the snapshots of one dispatch per step, bit for bit', async ({ type, steps }) => {
    const stage = type === 'forward' ? { type, steps, snapshotEvery: 5 } : { type, score: SCORE, steps, snapshotEvery: 5 };
    const source = type === 'forward' ? { type: 'gaussian-mixture', preset: 'double-gaussian' } : undefined;
    const twin = (fused: boolean): TwinCase => ({ stage: { ...stage, fused }, sde: VP, source, particles: 300, seed: 9 });
    const [stepwise, fused] = [await run(twin(false), 'webgpu'), await run(twin(true), 'webgpu')];
    const expected = [...Array.from({ length: Math.floor(steps / 5) + 1 }, (_, k) => 5 * k), ...(steps % 5 === 0 ? [] : [steps])];
    expect(fused.snapshots.map((s) => s.step)).toEqual(expected);
    expect(fused.snapshots).toEqual(stepwise.snapshots);
  });
});

/** MCMC chains on a Gaussian target N((1, -1), 0.7^2 I), started from the VP prior: one chain per particle. */
describe.each([
  { type: 'random-walk-metropolis', rate: 0.234 },
  { type: 'mala', rate: 0.574 },
  { type: 'hmc', rate: 0.8, leapfrogSteps: 5 },
])('$type (device: webgpu) on a Gaussian-mixture target', ({ type, rate, leapfrogSteps }) => {
  const target = { type: 'gaussian-mixture', means: [[1, -1]], std: 0.7 };
  const chains = 800;
  const stage = (fused: boolean) => ({ type, target, warmup: 150, steps: 40, thin: 20, fused, ...(leapfrogSteps === undefined ? {} : { leapfrogSteps }) });
  const twin = (fused: boolean): TwinCase => ({ stage: stage(fused), sde: VP, particles: chains, seed: 13 });

  it('samples the target (means within 4 standard errors, KS of x1 against the exact CDF), adapts to the target acceptance and reports the CPU stage\'s plan and evaluations', async () => {
    const [cpu, webgpu] = [await run(twin(false), 'cpu'), await run(twin(false), 'webgpu')];
    expect(webgpu.kind).toBe('mcmc');
    expect(webgpu.plan).toEqual(cpu.plan);
    expect(webgpu.snapshots.map((s) => [s.step, s.t])).toEqual(cpu.snapshots.map((s) => [s.step, s.t]));
    for (const name of ['evaluations', 'densityEvaluations', 'gradientEvaluations']) expect(webgpu.stats[name]).toBe(cpu.stats[name]);
    expect(Math.abs(webgpu.stats.acceptance - rate)).toBeLessThan(0.1);
    expect(Math.abs(webgpu.stats.stepSize - cpu.stats.stepSize) / cpu.stats.stepSize).toBeLessThan(0.15);
    const x = last(webgpu).x;
    for (const [j, mean] of [[0, 1], [1, -1]]) expect(Math.abs(meanOf(coordinate(x, j)) - mean)).toBeLessThan((4 * 0.7) / Math.sqrt(chains));
    // One-sample KS at the 0.1% level against N(1, 0.7^2): c(0.001) / sqrt(n).
    const sorted = coordinate(x, 0).sort((a, b) => a - b);
    const cdf = (v: number) => 0.5 * (1 + erf((v - 1) / (0.7 * Math.SQRT2)));
    const distance = Math.max(...sorted.map((v, i) => Math.max(Math.abs(cdf(v) - i / chains), Math.abs(cdf(v) - (i + 1) / chains))));
    expect(distance).toBeLessThan(1.95 / Math.sqrt(chains));
  });

  it('fused: true gives the snapshots of one dispatch per iteration, bit for bit', async () => {
    const [stepwise, fused] = [await run(twin(false), 'webgpu'), await run(twin(true), 'webgpu')];
    expect(fused.snapshots).toEqual(stepwise.snapshots);
    expect(fused.stats).toEqual(stepwise.stats);
  });
});
