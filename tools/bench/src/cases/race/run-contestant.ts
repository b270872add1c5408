import { type Registry, createRunContext, deriveSeed, watchStats } from '@scoreflow/core';
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
  const { name, seed, dim, particles } = contestant;
  const run = createRunContext({ name, seed, dim, particles });
  const sde = contestant.sde === undefined ? undefined : registry.create('sde', contestant.sde, { run, path: 'sde' });
  const source = registry.create('data-source', contestant.source, { run, sde, path: 'source' });
  const stage = registry.create('stage', { ...contestant.stage, ...options }, { run, sde, path: 'pipeline.0' });
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

/** `n` exact samples of a contestant's reference (the target), drawn with the seed derived from `purpose`. */
export async function exactSample(registry: Registry, contestant: Contestant, n: number, purpose: string): Promise<Float32Array> {
  const run = createRunContext({ name: `${contestant.name}/${purpose}`, seed: deriveSeed(contestant.seed, purpose), dim: contestant.dim, particles: n });
  const source = registry.create('data-source', contestant.reference, { run, path: 'reference' });
  return samplePositions(source.sample(run));
}
