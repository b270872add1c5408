import { type Registry, type RunContext, type Sde, type Stage, type StageDescription, createRunContext, deriveSeed, watchStats } from '@scoreflow/core';
import { samplePositions } from '../sample-positions.js';
import type { Contestant } from './contestant.js';

/** What one contestant did with one budget. */
export interface ContestantRun {
  /** The sample: every emitted state, row-major (KEEP * dim). */
  readonly sample: Float32Array;
  /** Evaluations of log p and grad log p (MCMC) or of the score (diffusion) actually spent, all particles together. */
  readonly evaluations: number;
  /** Wall time of the pipeline (source and stage), seconds. */
  readonly seconds: number;
}

/**
 * Runs a contestant's source and stage, with `options` replacing the stage's budget options,
 * through the registry (as the runner does), and reads the evaluations spent from the stage's
 * stats: MCMC stages report `evaluations` (log p plus grad log p) per chain, diffusion samplers
 * `nfe` per particle; the total is the mean times the number of particles.
 */
export async function runContestant(registry: Registry, contestant: Contestant, options: Readonly<Record<string, unknown>>): Promise<ContestantRun> {
  const { name, particles } = contestant;
  const { run, sde, stage } = createStage(registry, contestant, options);
  const source = registry.create('data-source', contestant.source, { run, sde, path: 'source' });
  const watch = watchStats(stage.stats);
  const started = performance.now();
  const sample = await samplePositions(source.sample(run).pipe(stage));
  const seconds = (performance.now() - started) / 1000;
  watch.unsubscribe();
  const stats = watch.summary();
  const perParticle = (stats.evaluations ?? stats.nfe)?.mean;
  if (perParticle === undefined) throw new Error(`mcmc-race: ${name}: the stage '${contestant.stage.type}' reported neither 'evaluations' nor 'nfe'.`);
  return { sample, evaluations: perParticle * particles, seconds };
}

/**
 * What the contestant's stage, as its config writes it, says of itself: its `kind` (`mcmc` for a
 * sampler in which every particle is one chain) and its `plan` (the options after defaults).
 */
export function describeContestant(registry: Registry, contestant: Contestant): StageDescription {
  const { kind, plan } = createStage(registry, contestant, {}).stage;
  return { kind, plan };
}

/** The contestant's run context, SDE and stage, `options` replacing the stage's own, through the registry (as the runner does). */
function createStage(registry: Registry, contestant: Contestant, options: Readonly<Record<string, unknown>>): { run: RunContext; sde?: Sde; stage: Stage } {
  const { name, seed, dim, particles } = contestant;
  const run = createRunContext({ name, seed, dim, particles });
  const sde = contestant.sde === undefined ? undefined : registry.create('sde', contestant.sde, { run, path: 'sde' });
  return { run, sde, stage: registry.create('stage', { ...contestant.stage, ...options }, { run, sde, path: 'pipeline.0' }) };
}

/** `n` exact samples of a contestant's reference (the target), drawn with the seed derived from `purpose`. */
export async function exactSample(registry: Registry, contestant: Contestant, n: number, purpose: string): Promise<Float32Array> {
  const run = createRunContext({ name: `${contestant.name}/${purpose}`, seed: deriveSeed(contestant.seed, purpose), dim: contestant.dim, particles: n });
  const source = registry.create('data-source', contestant.reference, { run, path: 'reference' });
  return samplePositions(source.sample(run));
}
