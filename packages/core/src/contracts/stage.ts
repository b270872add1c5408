import type { Observable, OperatorFunction } from 'rxjs';
import type { ParticleBatch } from '../batch/particle-batch.js';

/**
 * The process a stage simulates, as the samplers' folders sort them: the forward SDE from data, the
 * reverse-time SDE (Anderson 1982), the probability-flow ODE (Song et al. 2021), an ancestral
 * (DDPM/DDIM) chain, annealed Langevin dynamics, MCMC in which every particle is one chain, or a
 * flow ODE dx/dt = v(x, t) of a velocity model, forward on t in [0, 1] (flow matching).
 */
export type StageKind = 'forward' | 'reverse-sde' | 'ode' | 'ancestral' | 'langevin' | 'mcmc' | 'flow';

/** What a stage will do to each particle, known before it runs (progress, figures, reports). */
export interface StagePlan {
  /** Steps each particle takes (MCMC: iterations after warm-up). */
  readonly steps: number;
  /** Warm-up iterations before the steps (MCMC), emitted as steps -warmup .. 0 when at all; 0 for other stages. */
  readonly warmup: number;
  /** A snapshot every `snapshotEvery` steps (MCMC: the thinning), and after the last. */
  readonly snapshotEvery: number;
  /** Whether the state before the first step is a snapshot too. */
  readonly includeInitial: boolean;
  /** Score evaluations per particle and step, when fixed (an adaptive solver's is not; MCMC evaluates a target: 0). */
  readonly scoreEvaluationsPerStep?: number;
}

/**
 * The statistics a stage reports, each a value per particle: score evaluations (NFE) for samplers
 * steered by a score; acceptance rate, target evaluations (`evaluations`, split into
 * `densityEvaluations` and `gradientEvaluations`) and the adapted `stepSize` for MCMC chains;
 * for a weighted particle population (sequential Monte Carlo, e.g. the twisted diffusion sampler
 * of Wu et al. 2023) the effective sample size 1 / sum_i W_i^2 (Kong, Liu and Wong 1994) as a
 * fraction of the particles, of the final weights (`essFraction`, before any final resampling) and
 * its smallest value over the steps (`minEssFraction`), and the number of resampling steps
 * (`resamplings`).
 */
export type StageStatName =
  | 'nfe'
  | 'acceptance'
  | 'evaluations'
  | 'densityEvaluations'
  | 'gradientEvaluations'
  | 'stepSize'
  | 'essFraction'
  | 'minEssFraction'
  | 'resamplings';

/** The statistics of one input batch of a stage, told when the batch has taken its steps (or stopped). */
export interface StageStats {
  /** Particles of the batch: each value is their mean. */
  readonly particles: number;
  readonly values: Readonly<Partial<Record<StageStatName, number>>>;
}

/** What a stage says about itself (`describeStage` takes it). */
export interface StageDescription {
  readonly kind: StageKind;
  readonly plan: StagePlan;
}

/**
 * A pipeline stage: a sampler, a forward diffusion, any map from particle batches to particle
 * batches, used as an RxJS operator (`batches.pipe(stage)`), that says what it is (`kind`), what it
 * will do (`plan`) and, alongside the batches, what it did (`stats`, one record per input batch).
 * Made by `describeStage`, which the samplers' frames call: a sampler states none of it itself.
 */
export interface Stage extends OperatorFunction<ParticleBatch, ParticleBatch>, StageDescription {
  /** One `StageStats` per input batch of every subscription, as each batch finishes; never completes. */
  readonly stats: Observable<StageStats>;
}
