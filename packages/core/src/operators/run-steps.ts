import type { Observable } from 'rxjs';
import type { ParticleBatch } from '../batch/particle-batch.js';
import { NonFiniteError } from '../errors/non-finite-error.js';
import { firstNonFinite } from './first-non-finite.js';
import { markFinal } from './final-snapshot.js';
import { cooperative } from './cooperative.js';

/** A numerical process over one batch of particles, advanced one step at a time by `runSteps`. */
export interface StepLoop {
  /** Number of steps. */
  readonly steps: number;
  /** The particles' current positions (row-major), checked for NaN and infinity after each step. */
  readonly x: Float32Array;
  /** Ids of the particles in `x`, for error messages. */
  readonly ids: Uint32Array;
  /** Dimension of the particles. */
  readonly dim: number;
  /** Time after `k` steps (k = 0: the start). */
  time(k: number): number;
  /**
   * Performs step `k` (0-based): moves the particles from time(k) to time(k + 1). Returns `true`
   * when it has itself verified that every position is finite (a fused check in its update loop),
   * which saves `runSteps` a pass over `x`.
   */
  step(k: number): void | boolean | Promise<void | boolean>;
  /**
   * Optional: performs steps k0 .. k1 - 1 at once (k1 is the next snapshot's step), or the first
   * `done` of them, where a fused kernel gains by keeping particles in its memory across steps.
   * `runSteps` then calls it instead of `step`, and reports its `nonFinite` as it would a step's.
   */
  run?(k0: number, k1: number): StepRun | Promise<StepRun>;
  /** A snapshot batch of the particles after `k` steps (it must copy what later steps change). */
  snapshot(k: number): ParticleBatch;
}

/** What `StepLoop.run` did. */
export interface StepRun {
  /** How many steps it performed, from 1 to k1 - k0. */
  readonly done: number;
  /** Where a position first became non-finite: after `step` steps of the loop (1-based, as `NonFiniteError`'s), at `index` of x. */
  readonly nonFinite?: { readonly step: number; readonly index: number };
}

/** When `runSteps` emits snapshots. */
export interface SnapshotSchedule {
  /** Emit after every `snapshotEvery` steps; the last step is always emitted. */
  readonly snapshotEvery: number;
  /** Emit the state before the first step too. */
  readonly includeInitial: boolean;
}

/**
 * Runs a `StepLoop` as an Observable of snapshot batches; the last step's snapshot is marked
 * with `markFinal`. Unsubscribing stops it before the next
 * step; aborting `signal` stops it there too and completes the Observable; a non-finite position errors with a `NonFiniteError` naming
 * the stage, the step and t. The loop yields to the event loop every few milliseconds, so that
 * SIGINT handlers, timers and other subscriptions run while it computes.
 */
export function runSteps(
  stage: string,
  loop: StepLoop,
  schedule: SnapshotSchedule,
  signal?: AbortSignal,
): Observable<ParticleBatch> {
  return cooperative<ParticleBatch>(signal, async (emitter) => {
    if (schedule.includeInitial) emitter.next(loop.snapshot(0));
    for (let done = 0; done < loop.steps; ) {
      if (emitter.stopping) return;
      const nextSnapshot = Math.min(loop.steps, (Math.floor(done / schedule.snapshotEvery) + 1) * schedule.snapshotEvery);
      done = loop.run === undefined ? await oneStep(stage, loop, done) : await severalSteps(stage, loop, loop.run.bind(loop), done, nextSnapshot);
      if (done === loop.steps || done % schedule.snapshotEvery === 0) {
        if (emitter.stopping) return;
        const snapshot = loop.snapshot(done);
        emitter.next(done === loop.steps ? markFinal(snapshot) : snapshot);
      }
      await emitter.pace();
    }
  });
}

/** Step k of the loop, its finiteness checked; returns the steps done after it. */
async function oneStep(stage: string, loop: StepLoop, k: number): Promise<number> {
  const finite = (await loop.step(k)) === true;
  const bad = finite ? -1 : firstNonFinite(loop.x);
  if (bad >= 0) throw new NonFiniteError(stage, k + 1, loop.time(k + 1), loop.ids[Math.floor(bad / loop.dim)]);
  return k + 1;
}

/** Steps k .. next - 1 of the loop (or its run's first few) by its `run`; returns the steps done after them. */
async function severalSteps(stage: string, loop: StepLoop, run: NonNullable<StepLoop['run']>, k: number, next: number): Promise<number> {
  const { done, nonFinite } = await run(k, next);
  if (nonFinite !== undefined) {
    throw new NonFiniteError(stage, nonFinite.step, loop.time(nonFinite.step), loop.ids[Math.floor(nonFinite.index / loop.dim)]);
  }
  if (!(Number.isInteger(done) && done >= 1 && k + done <= next)) {
    throw new RangeError(`${stage}: a run of steps from ${k} to ${next} reported ${done} steps done; expected 1 to ${next - k}.`);
  }
  return k + done;
}
