import { DimensionError, type ParticleBatch, type Stage, type StepLoop, describeStage, isFinal, positionsOf, runSteps } from '@scoreflow/core';
import { EMPTY, type Observable, concat, concatMap, defer, filter, finalize } from 'rxjs';
import { identityOf } from '../shared/batch-identity.js';
import { snapshotBatch } from '../shared/snapshot.js';
import { type Chains, createChains } from './chains.js';
import { type DualAveraging, dualAveraging } from './dual-averaging.js';
import type { McmcOptions } from './mcmc-options.js';

/**
 * One MCMC transition of every chain of a batch: propose, evaluate, accept or reject (see
 * `metropolisUpdate`), writing each chain's acceptance probability into `chains.alpha` and
 * whether it moved into `chains.accepted`. Draws are keyed by `iteration` (0-based, warm-up
 * included), so a chain's path does not depend on the batch it travels in.
 */
export interface McmcKernel {
  /** Whether the chains carry grad log p of their current state (MALA, HMC). */
  readonly usesGradient: boolean;
  /** Step size when the options give none. */
  readonly stepSize: number;
  /** Acceptance rate the warm-up adapts towards, for chains of dimension `dim`. */
  targetAcceptance(dim: number): number;
  transition(chains: Chains, iteration: number): void;
}

/**
 * The frame shared by the MCMC samplers, in which every particle is one chain, so that thousands
 * of chains advance together in one batch. Per input batch: take the positions (or `init.point`)
 * as the chains' initial states, evaluate log p (and its gradient), run `warmup` iterations that
 * adapt each chain's step size by dual averaging (`dualAveraging`), then `steps` iterations that
 * count acceptances, through core's `runSteps` (cancellation, NaN checks, yielding). Snapshots:
 * every `thin` post-warm-up iterations and after the last, with `step` = `t` = the iteration
 * counted from the end of warm-up (1 .. steps); with `includeWarmup`, also the initial state and
 * every `thin`-th warm-up iteration (steps -warmup .. 0). One chain with `thin` = 1 records its
 * whole path. Reports `McmcStats` per batch on the stage's `stats` and through `onBatchDone`; describes
 * the stage as `mcmc`, its plan holding the warm-up.
 */
export function mcmcSampler(defaultName: string, options: McmcOptions, kernel: McmcKernel): Stage {
  const name = options.name ?? defaultName;
  const { target, rng, signal } = options;
  const warmup = options.warmup ?? 500;
  const steps = options.steps ?? 1000;
  const thin = options.thin ?? 1;
  const includeWarmup = options.includeWarmup ?? false;
  const adapt = options.adapt ?? true;
  const initialStep = options.stepSize ?? kernel.stepSize;
  checkInteger(name, 'warmup', warmup, 0);
  checkInteger(name, 'steps', steps, 1);
  checkInteger(name, 'thin', thin, 1);
  if (!(initialStep > 0 && Number.isFinite(initialStep))) throw new RangeError(`${name}: stepSize must be a finite number > 0, got ${initialStep}.`);
  const delta = options.targetAcceptance;
  if (delta !== undefined && !(delta > 0 && delta < 1)) throw new RangeError(`${name}: targetAcceptance must lie in (0, 1), got ${delta}.`);
  const point = options.init?.point;
  if (point !== undefined && point.length !== target.dim) throw new DimensionError(`${name}: init.point and target '${target.name}'`, target.dim, point.length);

  const plan = { steps, warmup, snapshotEvery: thin, includeInitial: includeWarmup, scoreEvaluationsPerStep: 0 };
  return describeStage({ kind: 'mcmc', plan }, (report) => concatMap((batch: ParticleBatch) =>
    defer(() => {
      const identity = identityOf(batch, name, { dim: target.dim, what: `target '${target.name}'` });
      const { ids, dim } = identity;
      const x = positionsOf(batch).slice();
      if (point !== undefined) for (let offset = 0; offset < x.length; offset += dim) x.set(point, offset);
      const chains = createChains(name, target, rng, x, ids, dim, initialStep);
      chains.density(x, chains.logDensity);
      if (kernel.usesGradient) chains.gradientAt(x, chains.gradient);
      const adaptation: DualAveraging | undefined =
        adapt && warmup > 0 ? dualAveraging(chains.n, chains.stepSize, delta ?? kernel.targetAcceptance(dim)) : undefined;
      const acceptances = new Uint32Array(chains.n);
      let sampled = 0;
      let iterations = 0;

      const warm: StepLoop = {
        steps: warmup,
        x,
        ids,
        dim,
        time: (k) => k - warmup,
        step(k) {
          kernel.transition(chains, k);
          iterations++;
          if (adaptation === undefined) return;
          adaptation.update(k + 1, chains.alpha, chains.stepSize);
          if (k + 1 === warmup) adaptation.finish(chains.stepSize);
        },
        snapshot: (k) => snapshotBatch(identity, x, k - warmup, k - warmup),
      };
      const sample: StepLoop = {
        steps,
        x,
        ids,
        dim,
        time: (k) => k,
        step(k) {
          kernel.transition(chains, warmup + k);
          iterations++;
          sampled++;
          for (let i = 0; i < chains.n; i++) acceptances[i] += chains.accepted[i];
        },
        snapshot: (k) => snapshotBatch(identity, x, k, k),
      };

      const phases: Observable<ParticleBatch>[] = [];
      if (warmup > 0) {
        // The warm-up's last state is the sampling phase's initial one: drop it (and its final mark) here.
        const schedule = { snapshotEvery: includeWarmup ? thin : warmup, includeInitial: includeWarmup };
        phases.push(runSteps(`${name} warm-up`, warm, schedule, signal).pipe(filter((snapshot) => includeWarmup && !isFinal(snapshot))));
      }
      phases.push(defer(() => (signal?.aborted === true ? EMPTY : runSteps(name, sample, { snapshotEvery: thin, includeInitial: includeWarmup }, signal))));
      return concat(...phases).pipe(
        finalize(() => {
          if (iterations === 0) return;
          let accepted = 0;
          let stepSize = 0;
          for (let i = 0; i < chains.n; i++) {
            accepted += acceptances[i];
            stepSize += chains.stepSize[i];
          }
          const { densities, gradients } = chains.counts;
          const stats = {
            acceptance: sampled > 0 ? accepted / (chains.n * sampled) : Number.NaN,
            evaluations: densities + gradients,
            densityEvaluations: densities,
            gradientEvaluations: gradients,
            stepSize: stepSize / chains.n,
          };
          report({ particles: chains.n, values: stats });
          options.onBatchDone?.({ ...stats, particles: chains.n });
        }),
      );
    }),
  ));
}

function checkInteger(name: string, field: string, value: number, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) throw new RangeError(`${name}: ${field} must be an integer >= ${min}, got ${value}.`);
}
