import { lastValueFrom, take, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { makeParticleBatch } from '../batch/particle-batch.js';
import { stepsOf } from '../batch/accessors.js';
import { NonFiniteError } from '../errors/non-finite-error.js';
import { type StepLoop, runSteps } from './run-steps.js';
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
});
