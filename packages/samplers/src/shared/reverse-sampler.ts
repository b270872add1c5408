import {
  type DrawKey,
  type ParticleBatch,
  type ParticleIds,
  type Rng,
  type ScoreModel,
  type Sde,
  type Stage,
  type StageKind,
  type StepRun,
  compactIds,
  describeStage,
  positionsOf,
  runSteps,
  streamId,
} from '@scoreflow/core';
import { concatMap, defer, finalize } from 'rxjs';
import { identityOf } from './batch-identity.js';
import { timeLoop } from './time-loop.js';

/** What a sampler reports per input batch: score evaluations per particle (NFE). */
export interface SamplerStats {
  readonly nfe: number;
  readonly particles: number;
}

/** The options every reverse-time sampler takes (k-diffusion's shape: model, schedule, callback). */
export interface ReverseSamplerOptions {
  readonly sde: Sde;
  readonly score: ScoreModel;
  /** The run's random source (`ctx.rng`); noise is keyed by particle id, step and stream. */
  readonly rng: Rng;
  /** Decreasing times t_0 > t_1 > ... > t_N, e.g. from a `TimeGrid`: N steps. */
  readonly times: Float64Array;
  readonly snapshotEvery?: number;
  readonly includeInitial?: boolean;
  readonly signal?: AbortSignal;
  /** Names the stage in errors and keys its noise; the sampler's name by default. */
  readonly name?: string;
  /** Told after each input batch how many score evaluations each of its particles took. */
  readonly onBatchDone?: (stats: SamplerStats) => void;
}

/**
 * What the frame itself reads of a sampler's options: all but the SDE, so that a flow sampler
 * (no SDE; a velocity model evaluated through `score`) shares it.
 */
export type SamplerFrameOptions = Omit<ReverseSamplerOptions, 'sde'>;

/** The working state of one batch, handed to a sampler's step. */
export interface SamplerState {
  /** Positions, advanced in place. */
  readonly x: Float32Array;
  readonly dim: number;
  /** Evaluates the score model at (x, t) into `out`, counting one evaluation per particle. */
  score(x: Float32Array, t: number, out: Float32Array): void | Promise<void>;
  /** A buffer of x's length, one per name, allocated on first use and kept for the batch. */
  buffer(name: string): Float32Array;
  /** Fills `out` with standard normals for this batch's particles at (step, stream index `use`). */
  normal(out: Float32Array, step: number, use?: number): Float32Array;
  /** Fills `out` with uniforms in (0, 1), one per particle (`out.length` >= particles). */
  uniform(out: Float32Array, step: number, use?: number): Float32Array;
  /** What a fused kernel needs that evaluates the score and draws the normals itself (the frame gives it; hand-made states may not). */
  readonly fused?: FusedAccess;
}

/** The frame's keys for a fused kernel (the WebAssembly step, `wasmEulerMaruyama`): the same draws as `normal`, counted evaluations. */
export interface FusedAccess {
  /** The batch's particle ids as its noise is keyed (core's `compactIds`). */
  readonly ids: ParticleIds;
  /** The run's random source that `normal` draws from. */
  readonly rng: Rng;
  /** The draw key of `normal(out, step, use)`. */
  key(step: number, use?: number): DrawKey;
  /** Counts one score evaluation per particle, made by the kernel instead of `score`. */
  countScore(): void;
}

/** Whether `state` carries the frame's keys for a fused kernel (a hand-made state may not). */
export const hasFused = (state: SamplerState): state is SamplerState & { readonly fused: FusedAccess } => state.fused !== undefined;

/** One step of a sampler: from times[k] to times[k + 1]. May return true when it checked finiteness itself. */
export type SamplerStep = (state: SamplerState, k: number, t: number, next: number) => void | boolean | Promise<void | boolean>;

/**
 * Steps k0 .. k1 - 1 of a sampler at once (k1 the next snapshot's step), or the first `done` of
 * them: a fused kernel that keeps a block of particles in its memory across steps
 * (`wasmF32ReverseRun`). Where a sampler gives one, the frame runs it instead of its step.
 */
export type SamplerRun = (state: SamplerState & { readonly fused: FusedAccess }, k0: number, k1: number, times: Float64Array) => StepRun;

/**
 * The process a reverse sampler's step discretises, and its score evaluations per step when fixed
 * (`StagePlan`). A `flow` walks increasing times (t from 0 to 1); every other kind decreasing ones.
 */
export interface SamplerKind {
  readonly kind: Extract<StageKind, 'reverse-sde' | 'ode' | 'ancestral' | 'langevin' | 'flow'>;
  readonly scoreEvaluationsPerStep?: number;
}

/**
 * The frame shared by every reverse-time sampler: per input batch, copy the positions, walk
 * `times` with `step`, emit snapshots through core's `runSteps` (cancellation, NaN checks),
 * count score evaluations and report them (the stage's `stats`, and `onBatchDone`); with `run`, a
 * fused kernel's several steps at once between snapshots (`SamplerRun`). The frame
 * also describes the stage (`describeStage`): its `kind` (the reverse-time SDE unless the sampler
 * says otherwise) and its plan from `times` and the snapshot options. A sampler is then just its
 * step, as in k-diffusion.
 */
export function reverseSampler(defaultName: string, options: SamplerFrameOptions, step: SamplerStep, sampler: SamplerKind = { kind: 'reverse-sde' }, run?: SamplerRun): Stage {
  const { score, times, rng } = options;
  const name = options.name ?? defaultName;
  checkTimes(name, times, sampler.kind === 'flow');
  const steps = times.length - 1;
  const schedule = { snapshotEvery: options.snapshotEvery ?? 1, includeInitial: options.includeInitial ?? true };
  const baseStream = streamId(name);
  const plan = { steps, warmup: 0, ...schedule, ...(sampler.scoreEvaluationsPerStep === undefined ? {} : { scoreEvaluationsPerStep: sampler.scoreEvaluationsPerStep }) };
  return describeStage({ kind: sampler.kind, plan }, (report) => concatMap((batch: ParticleBatch) =>
    defer(() => {
      const identity = identityOf(batch, name, { dim: score.dim, what: `score model '${score.name}'` });
      const x = positionsOf(batch).slice();
      const noiseIds: ParticleIds = compactIds(identity.ids);
      const buffers = new Map<string, Float32Array>();
      let evaluations = 0;
      const state: SamplerState & { readonly fused: FusedAccess } = {
        x,
        dim: identity.dim,
        score(at, t, out) {
          evaluations++;
          return score.score(at, t, out);
        },
        buffer(bufferName) {
          let buffer = buffers.get(bufferName);
          if (buffer === undefined) buffers.set(bufferName, (buffer = new Float32Array(x.length)));
          return buffer;
        },
        normal: (out, k, use = 0) => rng.normal(out, noiseIds, identity.dim, { step: k, stream: (baseStream + use) >>> 0 }),
        fused: {
          ids: noiseIds,
          rng,
          key: (k, use = 0) => ({ step: k, stream: (baseStream + use) >>> 0 }),
          countScore: () => {
            evaluations++;
          },
        },
        uniform: (out, k, use = 0) => rng.uniform(out, noiseIds, 1, { step: k, stream: (baseStream + 0x10000 + use) >>> 0 }),
      };
      let done = 0;
      const loop = timeLoop(
        identity,
        x,
        times,
        (k, t, next) => {
          done = k + 1;
          return step(state, k, t, next);
        },
        run === undefined
          ? undefined
          : (k0, k1) => {
              const outcome = run(state, k0, k1, times);
              done = k0 + outcome.done;
              return outcome;
            },
      );
      return runSteps(name, loop, schedule, options.signal).pipe(
        finalize(() => {
          if (done === 0) return;
          report({ particles: identity.ids.length, values: { nfe: evaluations } });
          options.onBatchDone?.({ nfe: evaluations, particles: identity.ids.length });
        }),
      );
    }),
  ));
}

function checkTimes(name: string, times: Float64Array, increasing: boolean): void {
  if (times.length < 2) throw new RangeError(`${name}: needs at least two times (one step), got ${times.length}.`);
  if (increasing) {
    for (let k = 0; k + 1 < times.length; k++) {
      if (!(times[k + 1] > times[k]) || !(times[k] >= 0)) {
        throw new RangeError(`${name}: times must increase from a value >= 0 (the flow runs forward), got ${times[k]} then ${times[k + 1]} at step ${k}.`);
      }
    }
    return;
  }
  for (let k = 0; k + 1 < times.length; k++) {
    if (!(times[k + 1] < times[k]) || !(times[k + 1] >= 0)) {
      throw new RangeError(`${name}: times must decrease to a value >= 0 (the reverse process runs backwards), got ${times[k]} then ${times[k + 1]} at step ${k}.`);
    }
  }
}
