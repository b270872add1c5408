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
  /** A snapshot batch of the particles after `k` steps (it must copy what later steps change). */
  snapshot(k: number): ParticleBatch;
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
    for (let k = 0; k < loop.steps; k++) {
      if (emitter.stopping) return;
      const finite = (await loop.step(k)) === true;
      const bad = finite ? -1 : firstNonFinite(loop.x);
      if (bad >= 0) {
        throw new NonFiniteError(stage, k + 1, loop.time(k + 1), loop.ids[Math.floor(bad / loop.dim)]);
      }
      const done = k + 1;
      if (done === loop.steps || done % schedule.snapshotEvery === 0) {
        if (emitter.stopping) return;
        const snapshot = loop.snapshot(done);
        emitter.next(done === loop.steps ? markFinal(snapshot) : snapshot);
      }
      await emitter.pace();
    }
  });
}
