import { lastValueFrom, take, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { makeParticleBatch } from '../batch/particle-batch.js';
import { positionsOf, stepsOf } from '../batch/accessors.js';
import { NonFiniteError } from '../errors/non-finite-error.js';
import { type StepLoop, type StepRun, runSteps } from './run-steps.js';
import { isFinal } from './final-snapshot.js';

function counter(steps: number, poison = -1): StepLoop & { performed: number } {
  const x = new Float32Array([0, 0]);
  const ids = Uint32Array.of(4);
  return {
    steps,
    x,
    ids,
    dim: 2,
    performed: 0,
    time: (k) => k / steps,
    step(k) {
      this.performed++;
      x[0] += 1;
      if (k === poison) x[1] = Number.NaN;
    },
    snapshot: (k) => makeParticleBatch({ x: x.slice(), dim: 2, id: ids, step: k, t: k / steps }),
  };
}

describe('runSteps', () => {
  it('emits every snapshotEvery steps and always the last step', async () => {
    const batches = await lastValueFrom(runSteps('test', counter(10), { snapshotEvery: 4, includeInitial: true }).pipe(toArray()));
    expect(batches.map((batch) => stepsOf(batch)[0])).toEqual([0, 4, 8, 10]);
    expect(batches.map(isFinal)).toEqual([false, false, false, true]);
  });

  it('stops within one step after unsubscribing', async () => {
    const loop = counter(1000);
    await lastValueFrom(runSteps('test', loop, { snapshotEvery: 1, includeInitial: false }).pipe(take(3)));
    expect(loop.performed).toBe(3);
  });

  it('stops and completes when the signal is aborted', async () => {
    const controller = new AbortController();
    const loop = counter(100);
    loop.step = function (k) {
      this.performed++;
      if (k === 9) controller.abort();
    };
    const batches = await lastValueFrom(runSteps('test', loop, { snapshotEvery: 1, includeInitial: false }, controller.signal).pipe(toArray()));
    expect(loop.performed).toBe(10);
    expect(batches.length).toBe(9);
  });

  it('errors with the stage, step and t when a particle becomes NaN', async () => {
    const error = await lastValueFrom(runSteps('reverse', counter(10, 6), { snapshotEvery: 5, includeInitial: false })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NonFiniteError);
    expect((error as NonFiniteError).message).toMatch(/Stage 'reverse'.*step 7, t = 0.7.*particle id 4/);
  });

  describe('with a loop that runs several steps at once', () => {
    /** A counter whose `run` takes at most `most` steps a call, recording the calls; NaN after step `poison` (0-based) at particle 1. */
    function fused(steps: number, most: number, poison = -1): StepLoop & { calls: [number, number][] } {
      const x = new Float32Array([0, 0, 0, 0]);
      const calls: [number, number][] = [];
      return {
        steps,
        x,
        ids: Uint32Array.of(4, 9),
        dim: 2,
        calls,
        time: (k) => k / steps,
        step: () => {
          throw new Error('step is not called where run is given');
        },
        run(k0, k1): StepRun {
          calls.push([k0, k1]);
          const done = Math.min(most, k1 - k0);
          x[0] += done;
          if (poison >= k0 && poison < k0 + done) return { done, nonFinite: { step: poison + 1, index: 2 } };
          return { done };
        },
        snapshot: (k) => makeParticleBatch({ x: x.slice(), dim: 2, id: Uint32Array.of(4, 9), step: k, t: k / steps }),
      };
    }

    it('calls run up to each snapshot, takes fewer steps where run does, and emits the same snapshots', async () => {
      const loop = fused(10, 3);
      const batches = await lastValueFrom(runSteps('test', loop, { snapshotEvery: 4, includeInitial: true }).pipe(toArray()));
      expect(batches.map((batch) => stepsOf(batch)[0])).toEqual([0, 4, 8, 10]);
      expect(batches.map((batch) => positionsOf(batch)[0])).toEqual([0, 4, 8, 10]);
      expect(loop.calls).toEqual([[0, 4], [3, 4], [4, 8], [7, 8], [8, 10]]);
    });

    it("errors with the run's first non-finite step, its t and the particle's id", async () => {
      const error = await lastValueFrom(runSteps('reverse', fused(10, 10, 5), { snapshotEvery: 10, includeInitial: false })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NonFiniteError);
      expect((error as NonFiniteError).message).toMatch(/Stage 'reverse'.*step 6, t = 0.6.*particle id 9/);
    });

    it('refuses a run that reports no step or more than it was given', async () => {
      for (const done of [0, 5, 1.5]) {
        const loop = fused(10, 10);
        loop.run = () => ({ done });
        const error = await lastValueFrom(runSteps('test', loop, { snapshotEvery: 4, includeInitial: false })).catch((e: unknown) => e);
        expect((error as Error).message).toMatch(new RegExp(`test: a run of steps from 0 to 4 reported ${done} steps done; expected 1 to 4`));
      }
    });
  });
});
