import { type ParticleBatch, type PluginConfig, type Registry, collectAll, createRunContext, mixtureKsDistance, mixtureMarginalCdf, positionsOf, watchStats, wholeSnapshotsOf } from '@scoreflow/core';
import type { Condition } from './conditions.js';

/** What one contestant did on one condition. */
export interface ConditionRun {
  /** Kolmogorov-Smirnov distance of x2 to the exact conditional's. */
  readonly ks: number;
  /** |share of x2 > 0 - exact share|: the error in the upper mode's weight. */
  readonly shareError: number;
  /** Evaluations spent, all particles together (from the stage's stats: `evaluations` or `nfe`). */
  readonly evaluations: number;
  readonly seconds: number;
}

const SDE: PluginConfig = { type: 'vp' };

/**
 * Runs `stage` from `source` on `particles` particles through the registry (as the runner does,
 * with the VP SDE) and measures its last snapshot against the condition's exact posterior.
 */
export async function runCondition(registry: Registry, c: Condition, source: PluginConfig, stage: PluginConfig, particles: number, seed: number): Promise<ConditionRun> {
  const run = createRunContext({ name: `conditioning-race/${c.a}`, seed, dim: 2, particles });
  const sde = registry.create('sde', SDE, { run, path: 'sde' });
  const sourcePlugin = registry.create('data-source', source, { run, sde, path: 'source' });
  const stagePlugin = registry.create('stage', stage, { run, sde, path: 'pipeline.0' });
  const watch = watchStats(stagePlugin.stats);
  const started = performance.now();
  const batches: ParticleBatch[] = await collectAll(sourcePlugin.sample(run).pipe(stagePlugin));
  const seconds = (performance.now() - started) / 1000;
  watch.unsubscribe();
  const stats = watch.summary();
  const perParticle = (stats.evaluations ?? stats.nfe)?.mean ?? Number.NaN;
  const last = wholeSnapshotsOf(batches).at(-1);
  if (last === undefined) throw new Error(`conditioning-race: ${String(stage.type)} emitted nothing.`);
  const x = positionsOf(last);
  let upper = 0;
  for (let i = 1; i < x.length; i += 2) if (x[i] > 0) upper++;
  const exactUpper = upperShare(c);
  return { ks: mixtureKsDistance(c.posterior, x, 1), shareError: Math.abs(upper / (x.length / 2) - exactUpper), evaluations: perParticle * particles, seconds };
}

/** The exact posterior's probability of x2 > 0. */
export const upperShare = (c: Condition): number => 1 - mixtureMarginalCdf(c.posterior, 1, 0);
