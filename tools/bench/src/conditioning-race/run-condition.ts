import { type ParticleBatch, type PluginConfig, type Registry, collectAll, createRunContext, mixtureKsDistance, positionsOf, watchStats, wholeSnapshotsOf } from '@scoreflow/core';
import type { Condition, RaceProblem } from './race-problem.js';

/** What one contestant did on one condition. */
export interface ConditionRun {
  /** Kolmogorov-Smirnov distance of x2 to the exact conditional's. */
  readonly ks: number;
  /** |summary of x2 - exact|: the problem's summary (the upper mode's weight, E[x2 | y]). */
  readonly summaryError: number;
  /** Evaluations spent, all particles together (from the stage's stats: `evaluations` or `nfe`). */
  readonly evaluations: number;
  readonly seconds: number;
}

const SDE: PluginConfig = { type: 'vp' };

/**
 * Runs `stage` from `source` on `particles` particles through the registry (as the runner does,
 * with the VP SDE) and measures its last snapshot against the condition's exact posterior: the
 * KS distance of x2 and the error of the problem's summary of x2.
 */
export async function runCondition(registry: Registry, problem: RaceProblem, c: Condition, source: PluginConfig, stage: PluginConfig, particles: number, seed: number): Promise<ConditionRun> {
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
  const x2 = Array.from({ length: x.length / 2 }, (_, i) => x[2 * i + 1]);
  const summaryError = Math.abs(problem.summary.of(x2) - problem.summary.exact(c));
  return { ks: mixtureKsDistance(c.posterior, x, 1), summaryError, evaluations: perParticle * particles, seconds };
}
