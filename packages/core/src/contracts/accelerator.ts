import type { Density } from '../densities/density.js';
import type { DeferredScoreDescription } from './deferred-score-description.js';
import type { GaussianMixture } from '../mixture/gaussian-mixture.js';
import type { MlpScoreDescription } from './mlp-score-description.js';
import type { Stage } from './stage.js';

/** Where a stage runs: on the CPU (the samplers' own loops) or on a WebGPU device through the run's `Accelerator`. */
export type Device = 'cpu' | 'webgpu';

/** The devices a config may name, in the order `scoreflow list` shows them. */
export const DEVICES: readonly Device[] = ['cpu', 'webgpu'];

/**
 * The samplers an accelerator may run, by their plugin names: the reverse-time SDE (Euler-Maruyama,
 * ancestral DDPM), the probability-flow ODE (Euler, Heun, DPM-Solver++(2M)), the forward diffusion
 * and the MCMC chains.
 */
export type AcceleratedMethod =
  | 'euler-maruyama'
  | 'ancestral'
  | 'ode-euler'
  | 'heun'
  | 'dpm-solver-2m'
  | 'forward'
  | 'random-walk-metropolis'
  | 'mala'
  | 'hmc';

/**
 * A score model as data, so that a device can evaluate it in its own code (`ScoreModel.describe`):
 * the exact score of a Gaussian mixture diffused by the stage's SDE, or a multilayer perceptron
 * (`MlpScoreDescription`: its weights and how its output reads).
 */
export type ScoreDescription = { readonly kind: 'mixture'; readonly mixture: GaussianMixture } | MlpScoreDescription;

/** An MCMC target as data (`Target.describe`): a Gaussian mixture, or one of core's 2-D densities by name and parameters. */
export type TargetDescription = { readonly kind: 'mixture'; readonly mixture: GaussianMixture } | { readonly kind: 'density'; readonly density: Density };

/**
 * The linear SDE dx = a(t) x dt + g(t) dW at each time of a stage's grid, computed on the CPU in
 * float64 (the device reads them, it never evaluates the SDE): the drift coefficient a(t), the
 * diffusion g(t), and the marginal x_t = m(t) x_0 + s(t) eps.
 */
export interface SdeCoefficients {
  readonly drift: Float64Array;
  readonly diffusion: Float64Array;
  readonly mean: Float64Array;
  readonly std: Float64Array;
}

/** The MCMC part of a spec: the CPU stage's options after defaults. */
export interface AcceleratedChains {
  /** Post-warm-up iterations. */
  readonly steps: number;
  readonly warmup: number;
  readonly thin: number;
  readonly includeWarmup: boolean;
  /** The initial step size of every chain. */
  readonly stepSize: number;
  readonly adapt: boolean;
  /** The acceptance rate the warm-up adapts towards, resolved (the sampler's rule when the options give none). */
  readonly targetAcceptance: number;
  /** HMC's leapfrog steps per iteration. */
  readonly leapfrogSteps?: number;
  readonly init?: { readonly point: readonly number[] };
}

/**
 * Everything a device needs to run one stage, as data: what the CPU stage would do, computed on
 * the CPU exactly as the CPU stage computes it (the time grid, the SDE at each time), and what
 * steers it (a score or a target, described). The device keeps core's `Stage` contract (kind,
 * plan, stats) and emits the snapshot batches the CPU stage emits (columns, steps, times).
 */
export interface AcceleratedStageSpec {
  /** Names the stage in errors; the same name keys its random streams (`streamId(name)`). */
  readonly name: string;
  /** The stage's config path (`pipeline.1`), where a `ConfigError` points; `name` when absent. */
  readonly path?: string;
  readonly method: AcceleratedMethod;
  /** The grid: decreasing for the reverse samplers, increasing for `forward`; MCMC has none (empty). */
  readonly times: Float64Array;
  /** The SDE at each of `times` (reverse samplers and `forward`). */
  readonly sde?: SdeCoefficients;
  /** Dimension of the particles. */
  readonly dim: number;
  /** The score, described; deferred when its weights load later (the device awaits `load()` on the first batch). */
  readonly score?: ScoreDescription | DeferredScoreDescription;
  readonly target?: TargetDescription;
  readonly snapshotEvery: number;
  readonly includeInitial: boolean;
  /** The run's seed: the device draws from the counter RNG keyed by (seed; id, step, stream, call). */
  readonly seed: number;
  /** Each particle's steps between two snapshots in one dispatch, in registers; false: one dispatch per step. */
  readonly fused: boolean;
  /** Sampler options that change the arithmetic: `noiseRemoval` (euler-maruyama, ancestral), `space` (heun), `method` (forward). */
  readonly options: { readonly noiseRemoval?: boolean; readonly space?: 'sigma' | 'time'; readonly forward?: 'exact' | 'euler-maruyama' };
  readonly chains?: AcceleratedChains;
  readonly signal?: AbortSignal;
}

/**
 * A device that runs stages (the GPU route of `@scoreflow/webgpu`), reached through the run
 * context (`RunContext.accelerator`, set by the app that built the run). Samplers with
 * `device: webgpu` describe their stage as an `AcceleratedStageSpec` and take the accelerator's
 * stage instead of their own loop. `stage` checks the spec at once and throws a `ConfigError` for
 * what the device cannot take; the device itself may be acquired later, on the first batch.
 */
export interface Accelerator {
  readonly name: 'webgpu';
  /** The adapter, e.g. `nvidia/nvidia-h200`, once known. */
  readonly description: string;
  stage(spec: AcceleratedStageSpec): Stage;
}
