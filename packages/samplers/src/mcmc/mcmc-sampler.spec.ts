import { DimensionError, NonFiniteError, type Rng, type Target, createRng, isFinal, makeParticleBatch, positionsOf, stepsOf, timesOf } from '@scoreflow/core';
import { from, lastValueFrom, take, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { hmc } from './hmc.js';
import { mala } from './mala.js';
import type { McmcOptions } from './mcmc-options.js';
import { randomWalkMetropolis } from './random-walk-metropolis.js';
import { CORRELATED, gaussianTarget } from './testing/gaussian-target.js';
import { initialBatches, runChains } from './testing/run-chains.js';

const target = () => gaussianTarget(CORRELATED.mean, CORRELATED.covariance);
const run = (options: Omit<McmcOptions, 'rng' | 'target'>, chains = 10, t: Target = target()) =>
  runChains((rng, onBatchDone) => randomWalkMetropolis({ target: t, rng, onBatchDone, ...options }), (rng) => initialBatches(rng, chains, 2, [0, 0], 1));

describe('mcmcSampler (the frame of every MCMC sampler)', () => {
  it('emits every `thin` post-warm-up iterations and after the last, stamped step = t = iteration after warm-up', async () => {
    const { out } = await run({ warmup: 5, steps: 10, thin: 3 });
    expect(out.map((batch) => stepsOf(batch)[0])).toEqual([3, 6, 9, 10]);
    expect(out.map((batch) => timesOf(batch)[0])).toEqual([3, 6, 9, 10]);
    expect(out.map(isFinal)).toEqual([false, false, false, true]);
  });

  it('with includeWarmup, also emits the initial state and every `thin`-th warm-up iteration at negative steps', async () => {
    const { out } = await run({ warmup: 4, steps: 4, thin: 2, includeWarmup: true });
    expect(out.map((batch) => stepsOf(batch)[0])).toEqual([-4, -2, 0, 2, 4]);
    expect(out.map(isFinal)).toEqual([false, false, false, false, true]);
    expect(out.map((batch) => timesOf(batch)[0])).toEqual([-4, -2, 0, 2, 4]);
  });

  it('with includeWarmup and no warm-up, emits the initial state once', async () => {
    const { out } = await run({ warmup: 0, steps: 2, includeWarmup: true });
    expect(out.map((batch) => stepsOf(batch)[0])).toEqual([0, 1, 2]);
  });

  it('records the whole path of a single chain with thin = 1: one snapshot of one particle per iteration', async () => {
    const { out, stats } = await run({ warmup: 100, steps: 300, thin: 1 }, 1);
    expect(out.length).toBe(300);
    expect(out.map((batch) => stepsOf(batch)[0])).toEqual(Array.from({ length: 300 }, (_, k) => k + 1));
    expect(out.every((batch) => batch.numRows === 1)).toBe(true);
    // Consecutive positions differ exactly at accepted moves (iterations 2..300; the first is not seen).
    let moves = 0;
    for (let k = 1; k < out.length; k++) if (positionsOf(out[k])[0] !== positionsOf(out[k - 1])[0]) moves++;
    expect(moves).toBeGreaterThan(30);
    expect(Math.round(stats.acceptance * 300) - moves).toBeOneOf([0, 1]);
  });

  it('starts every chain at init.point when given, whatever the input positions', async () => {
    const { out } = await run({ warmup: 3, steps: 1, includeWarmup: true, init: { point: [5, -5] } }, 4);
    expect(Array.from(positionsOf(out[0]))).toEqual([5, -5, 5, -5, 5, -5, 5, -5]);
  });

  it('rejects an init.point, a target or options that do not fit when created or at the first batch', async () => {
    const rng = createRng(0);
    expect(() => randomWalkMetropolis({ target: target(), rng, init: { point: [1, 2, 3] } })).toThrow(DimensionError);
    expect(() => randomWalkMetropolis({ target: target(), rng, thin: 0 })).toThrow(/thin must be an integer >= 1, got 0/);
    expect(() => randomWalkMetropolis({ target: target(), rng, steps: 0 })).toThrow(/steps must be an integer >= 1/);
    expect(() => randomWalkMetropolis({ target: target(), rng, stepSize: -1 })).toThrow(/stepSize must be a finite number > 0/);
    expect(() => randomWalkMetropolis({ target: target(), rng, targetAcceptance: 1 })).toThrow(/targetAcceptance must lie in \(0, 1\)/);
    const stage = randomWalkMetropolis({ target: gaussianTarget([0], [[1]]), rng });
    await expect(lastValueFrom(from(initialBatches(rng, 3, 2, [0, 0], 1)).pipe(stage))).rejects.toThrow(/target 'gaussian-test' and particles: expected dimension 1, got 2/);
  });

  for (const [name, make] of [
    ['random-walk-metropolis', randomWalkMetropolis],
    ['mala', mala],
    ['hmc', hmc],
  ] as const) {
    it(`${name} gives the same chains and stats whatever the batch size (draws keyed by chain id and iteration)`, async () => {
      const runWith = (batchSize: number) =>
        runChains(
          (rng: Rng, onBatchDone) => make({ target: target(), rng, warmup: 20, steps: 6, thin: 2, onBatchDone }),
          (rng) => initialBatches(rng, 3000, 2, [0, 0], 1, batchSize),
        );
      const [small, whole] = [await runWith(700), await runWith(3000)];
      expect(small.out.length).toBe(15);
      expect([...small.draws.keys()]).toEqual([2, 4, 6]);
      for (const [step, x] of whole.draws) expect(small.draws.get(step)).toEqual(x);
      expect(small.stats.acceptance).toBeCloseTo(whole.stats.acceptance, 12);
      expect(small.stats.stepSize).toBeCloseTo(whole.stats.stepSize, 12);
    });
  }

  it('errors with the stage, the iteration and the chain id when a chain is not finite (runSteps)', async () => {
    const rng = createRng(0);
    const batch = makeParticleBatch({ x: Float32Array.of(0, 0, Number.NaN, 1, 2, 2), dim: 2, id: 40, step: 0, t: 0 });
    const warm = randomWalkMetropolis({ target: target(), rng, warmup: 10, steps: 5 });
    const error = await lastValueFrom(from([batch]).pipe(warm)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NonFiniteError);
    expect((error as Error).message).toMatch(/Stage 'random-walk-metropolis warm-up'.*step 1, t = -9,.*particle id 41/);
    const cold = randomWalkMetropolis({ target: target(), rng, warmup: 0, steps: 5 });
    const later = await lastValueFrom(from([batch]).pipe(cold)).catch((e: unknown) => e);
    expect((later as Error).message).toMatch(/Stage 'random-walk-metropolis'.*step 1, t = 1,.*particle id 41/);
  });

  it('rejects proposals of a diverging trajectory instead of letting chains become infinite', async () => {
    const { draws, stats } = await runChains(
      (rng, onBatchDone) => hmc({ target: target(), rng, warmup: 0, steps: 20, adapt: false, stepSize: 40, onBatchDone }),
      (rng) => initialBatches(rng, 200, 2, [1, -1], 0.5),
    );
    expect(stats.acceptance).toBeLessThan(0.05);
    for (const x of draws.values()) expect(x.every(Number.isFinite)).toBe(true);
  });

  it('stops within one iteration after unsubscribing', async () => {
    const t = target();
    const rng = createRng(0);
    const stage = randomWalkMetropolis({ target: t, rng, warmup: 0, steps: 1000 });
    await lastValueFrom(from(initialBatches(rng, 10, 2, [0, 0], 1)).pipe(stage, take(3)));
    expect(t.densityCalls).toBe(1 + 3);
  });

  it('stops and completes within one iteration when the signal is aborted, in warm-up too', async () => {
    const controller = new AbortController();
    const t = target();
    const aborting: Target = {
      ...t,
      logDensity(x, out) {
        t.logDensity(x, out);
        if (t.densityCalls === 1 + 8) controller.abort(); // during warm-up iteration 8
        return out;
      },
    };
    const rng = createRng(0);
    const stage = randomWalkMetropolis({ target: aborting, rng, warmup: 50, steps: 1000, includeWarmup: true, thin: 5, signal: controller.signal });
    const out = await lastValueFrom(from(initialBatches(rng, 10, 2, [0, 0], 1)).pipe(stage, toArray()));
    expect(t.densityCalls).toBe(1 + 8);
    expect(out.map((batch) => stepsOf(batch)[0])).toEqual([-50, -45]);
  });
});
