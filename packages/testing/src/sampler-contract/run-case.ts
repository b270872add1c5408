import { createBrowserRegistry } from '@scoreflow/catalogue';
import { type PluginConfig, type Registry, collectAll, concatParticleBatches, createRunContext, positionsOf, watchStats } from '@scoreflow/core';
import { SDE_SETUPS, type SamplerCase, type SdeSetup } from './sampler-case.js';

/** Every browser-safe plugin (the catalogue's); a case that needs the trained `network` passes `createNodeRegistry()`. */
export const registry = createBrowserRegistry();

/** The score model of the contract suite: the double Gaussian's exact mixture score. */
export const EXACT_SCORE: PluginConfig = { type: 'gaussian-mixture', preset: 'double-gaussian' };

/**
 * Runs a sampler plugin from its SDE's prior with `score` (by default the exact double-Gaussian
 * score), its plugins from `plugins`, and returns the
 * final positions (row-major, 2-D), the final batch (with its `weight` column where the stage
 * writes one), the statistics it reported (summarised) and the NFE per particle among them.
 */
export async function runCase(samplerCase: SamplerCase, setupName: SdeSetup, particles: number, seed = 11, score: PluginConfig = EXACT_SCORE, plugins: Registry = registry) {
  const setup = SDE_SETUPS[setupName];
  const run = createRunContext({ name: `contract-${samplerCase.type}`, seed, dim: 2, particles, batchSize: 8192 });
  const sde = plugins.create('sde', setup.sde, { run, path: 'sde' });
  const source = plugins.create('data-source', { type: 'prior' }, { run, sde, path: 'source' });
  const stage = plugins.create(
    'stage',
    {
      type: samplerCase.type,
      score,
      steps: samplerCase.steps,
      grid: samplerCase.grid ?? setup.grid,
      tEnd: setup.tEnd,
      snapshotEvery: samplerCase.steps,
      includeInitial: false,
      ...samplerCase.options,
    },
    { run, sde, path: 'pipeline.0' },
  );
  const stats = watchStats(stage.stats);
  const batches = await collectAll(source.sample(run).pipe(stage));
  stats.unsubscribe();
  const batch = concatParticleBatches(batches);
  const summary = stats.summary();
  return { x: positionsOf(batch), batch, stats: summary, nfe: summary.nfe, tEnd: setup.tEnd, sde, kind: stage.kind, plan: stage.plan };
}

/**
 * Per-mode share, mean and standard deviation of 2-D positions `x` (row-major), particle i in mode
 * `modeOf(i)` (0 or 1): by default split at x1 = 0.
 */
export function modeStats(x: Float32Array, modeOf: (i: number) => number = (i) => (x[2 * i] < 0 ? 0 : 1)) {
  const stats = [0, 1].map(() => ({ n: 0, sum: [0, 0], square: [0, 0] }));
  for (let i = 0; i < x.length / 2; i++) {
    const mode = stats[modeOf(i)];
    mode.n++;
    for (let j = 0; j < 2; j++) {
      mode.sum[j] += x[2 * i + j];
      mode.square[j] += x[2 * i + j] ** 2;
    }
  }
  return stats.map(({ n, sum, square }) => ({
    n,
    mean: sum.map((v) => v / n),
    std: square.map((v, j) => Math.sqrt(v / n - (sum[j] / n) ** 2)),
  }));
}
