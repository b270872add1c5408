import { type Rng, createRng } from '../random/rng.js';
import type { Accelerator, Device } from '../contracts/accelerator.js';
import type { ParticleMetadata } from '../batch/schema.js';
import { type Logger, silentLogger } from './logger.js';

/** What every plugin of a run shares: the seed's random source, sizes, cancellation, logging. */
export interface RunContext {
  /** Name of the run, written into the batches' metadata. */
  readonly name: string;
  readonly seed: number;
  readonly rng: Rng;
  /** Dimension of the particles. */
  readonly dim: number;
  /** Number of particles the data source produces. */
  readonly particles: number;
  /** Largest number of particles in one batch. */
  readonly batchSize: number;
  /** Aborts the run: stages stop within one step. */
  readonly signal: AbortSignal;
  readonly logger: Logger;
  /** `{ run, seed }` for the batches' schema metadata. */
  readonly metadata: ParticleMetadata;
  /** Where stages run unless their own `device` says otherwise: the config's run-level `device`; `cpu` when absent. */
  readonly device?: Device;
  /** The device that runs stages with `device: webgpu`, set by the app that built the run; absent when none was asked for. */
  readonly accelerator?: Accelerator;
}

/** Options of `createRunContext`; everything but `dim` has a default. */
export interface RunContextInit {
  readonly name?: string;
  readonly seed?: number;
  readonly dim: number;
  readonly particles?: number;
  readonly batchSize?: number;
  readonly signal?: AbortSignal;
  readonly logger?: Logger;
  readonly device?: Device;
  readonly accelerator?: Accelerator;
}

/** Default particles per batch: large enough for fast loops, small enough to stream. */
export const DEFAULT_BATCH_SIZE = 65_536;

/** Builds a run context with defaults: seed 0, 10,000 particles, batches of 65,536, silent logger. */
export function createRunContext(init: RunContextInit): RunContext {
  const name = init.name ?? 'scoreflow';
  const seed = init.seed ?? 0;
  const particles = init.particles ?? 10_000;
  const batchSize = init.batchSize ?? DEFAULT_BATCH_SIZE;
  for (const [field, value, min] of [
    ['dim', init.dim, 1],
    ['particles', particles, 1],
    ['batchSize', batchSize, 1],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < min) {
      throw new RangeError(`createRunContext: ${field} must be an integer >= ${min}, got ${value}.`);
    }
  }
  return {
    name,
    seed,
    rng: createRng(seed),
    dim: init.dim,
    particles,
    batchSize,
    signal: init.signal ?? new AbortController().signal,
    logger: init.logger ?? silentLogger,
    metadata: { run: name, seed },
    ...(init.device === undefined ? {} : { device: init.device }),
    ...(init.accelerator === undefined ? {} : { accelerator: init.accelerator }),
  };
}
