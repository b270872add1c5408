import type { Rng, Stage, VelocityModel } from '@scoreflow/core';
import { type SamplerState, type SamplerStats, type SamplerStep, reverseSampler } from '../shared/reverse-sampler.js';

/** The options every flow sampler takes: the velocity model and the increasing times it walks. */
export interface FlowSamplerOptions {
  readonly velocity: VelocityModel;
  /** The run's random source (`ctx.rng`); flows use none, the frame keys it all the same. */
  readonly rng: Rng;
  /** Increasing times 0 <= t_0 < t_1 < ... < t_N <= 1, e.g. `flowTimes(steps)`: N steps. */
  readonly times: Float64Array;
  readonly snapshotEvery?: number;
  readonly includeInitial?: boolean;
  readonly signal?: AbortSignal;
  /** Names the stage in errors; the sampler's name by default. */
  readonly name?: string;
  /** Told after each input batch how many velocity evaluations each of its particles took. */
  readonly onBatchDone?: (stats: SamplerStats) => void;
}

/**
 * The frame of a flow sampler: the reverse samplers' frame (`reverseSampler`: snapshots, NaN
 * checks, cancellation, NFE stats, the stage's description) walking increasing `times` with the
 * stage kind `flow`, where the state's `score` evaluates the velocity v(x, t) and counts one NFE.
 * A flow sampler is then just its step, forward in t.
 */
export function flowSampler(defaultName: string, options: FlowSamplerOptions, step: SamplerStep, evaluationsPerStep?: number): Stage {
  const { velocity } = options;
  const score = { name: velocity.name, dim: velocity.dim, score: (x: Float32Array, t: number, out: Float32Array) => velocity.velocity(x, t, out) };
  return reverseSampler(defaultName, { ...options, score }, step, { kind: 'flow', ...(evaluationsPerStep === undefined ? {} : { scoreEvaluationsPerStep: evaluationsPerStep }) });
}

/** v(x, t) into `out`, counting one NFE (the frame's `score` is the velocity). */
export function flowVelocity(state: SamplerState, x: Float32Array, t: number, out: Float32Array): void | Promise<void> {
  return state.score(x, t, out);
}

/**
 * `steps` + 1 times spaced evenly from `tStart` to `tEnd` (0 and 1 by default): the grid of
 * torchcfm's fixed-step evaluation (e.g. 100 Euler steps).
 */
export function flowTimes(steps: number, tStart = 0, tEnd = 1): Float64Array {
  if (!Number.isSafeInteger(steps) || steps < 1) throw new RangeError(`flowTimes: 'steps' must be an integer >= 1, got ${steps}.`);
  if (!(tStart >= 0 && tEnd <= 1 && tStart < tEnd)) throw new RangeError(`flowTimes: needs 0 <= tStart < tEnd <= 1, got tStart = ${tStart}, tEnd = ${tEnd}.`);
  return Float64Array.from({ length: steps + 1 }, (_, k) => (k === steps ? tEnd : tStart + ((tEnd - tStart) * k) / steps));
}
