import { ConfigError, type PluginConfig, type StageStats, createRegistry, createRunContext, definePlugin, positionsOf, stepsOf, summariseStats } from '@scoreflow/core';
import { from, lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { mcmcPlugins } from './mcmc-plugins.js';
import { CORRELATED, gaussianTarget } from './testing/gaussian-target.js';
import { initialBatches } from './testing/run-chains.js';

/** A local target plugin: the correlated 2-D Gaussian of the tests, or N(0, 1) in 1-D. */
const testTargetPlugin = definePlugin({
  kind: 'target',
  name: 'test-gaussian',
  description: 'test double',
  options: z.strictObject({ dim: z.union([z.literal(1), z.literal(2)]).default(2) }),
  create: ({ dim }) => (dim === 2 ? gaussianTarget(CORRELATED.mean, CORRELATED.covariance) : gaussianTarget([0], [[1]])),
});

const registry = createRegistry(mcmcPlugins, [testTargetPlugin]);

function create(config: PluginConfig, dim = 2) {
  const run = createRunContext({ dim, particles: 50, seed: 3 });
  const resolved = new Map<string, PluginConfig>();
  const stage = registry.create('stage', config, { run, path: 'pipeline.0', onResolved: (path, options) => resolved.set(path, options) });
  return { run, stage, resolved };
}

describe('MCMC plugins', () => {
  it('are the stages random-walk-metropolis, mala and hmc', () => {
    expect(registry.list('stage').map((plugin) => plugin.name)).toEqual(['hmc', 'mala', 'random-walk-metropolis']);
  });

  it.each([
    ['random-walk-metropolis', { stepSize: 0.5 }],
    ['mala', { stepSize: 0.1, targetAcceptance: 0.574 }],
    ['hmc', { stepSize: 0.1, targetAcceptance: 0.8, leapfrogSteps: 10 }],
  ])('%s fills its defaults and creates its target from the nested config', (type, own) => {
    const { resolved } = create({ type, target: { type: 'test-gaussian' } });
    expect(resolved.get('pipeline.0')).toEqual({
      type,
      target: { type: 'test-gaussian' },
      warmup: 500,
      steps: 1000,
      thin: 1,
      includeWarmup: false,
      adapt: true,
      engine: 'auto',
      ...own,
    });
    expect(resolved.get('pipeline.0.target')).toEqual({ type: 'test-gaussian', dim: 2 });
  });

  it.each(['random-walk-metropolis', 'mala', 'hmc'])('%s is an mcmc stage whose plan holds the warm-up', (type) => {
    const { stage } = create({ type, target: { type: 'test-gaussian' }, warmup: 50, steps: 20, thin: 10, includeWarmup: true });
    expect(stage.kind).toBe('mcmc');
    expect(stage.plan).toEqual({ steps: 20, warmup: 50, snapshotEvery: 10, includeInitial: true, scoreEvaluationsPerStep: 0 });
  });

  it.each(['random-walk-metropolis', 'mala', 'hmc'])('%s reports acceptance, evaluations and step size per chain on its stats', async (type) => {
    const { run, stage } = create({ type, target: { type: 'test-gaussian' }, warmup: 50, steps: 20, thin: 10 });
    const records: StageStats[] = [];
    const subscription = stage.stats.subscribe((record) => records.push(record));
    const out = await lastValueFrom(from(initialBatches(run.rng, 50, 2, [0, 0], 1, 32)).pipe(stage, toArray()));
    subscription.unsubscribe();
    expect(out.map((batch) => stepsOf(batch)[0])).toEqual([10, 20, 10, 20]);
    expect(records.map((record) => record.particles)).toEqual([32, 18]);
    const stats = await lastValueFrom(from(records).pipe(summariseStats()));
    if (stats.acceptance === undefined || stats.evaluations === undefined || stats.densityEvaluations === undefined) throw new Error('no stats');
    expect(Object.keys(stats).sort()).toEqual(['acceptance', 'densityEvaluations', 'evaluations', 'gradientEvaluations', 'stepSize']);
    expect(stats.acceptance.particles).toBe(50);
    expect(stats.acceptance.mean).toBeGreaterThan(0.1);
    expect(stats.evaluations.mean).toBe(stats.densityEvaluations.mean + (stats.gradientEvaluations?.mean ?? Number.NaN));
    expect(stats.densityEvaluations.mean).toBe(71);
    expect(stats.stepSize?.mean).toBeGreaterThan(0);
  });

  it('starts every chain at init.point', async () => {
    const { run, stage } = create({ type: 'hmc', target: { type: 'test-gaussian', dim: 1 }, warmup: 0, steps: 1, includeWarmup: true, init: { point: [4] } }, 1);
    const [first] = await lastValueFrom(from(initialBatches(run.rng, 3, 1, [0], 1)).pipe(stage, toArray()));
    expect(Array.from(positionsOf(first))).toEqual([4, 4, 4]);
  });

  it('rejects bad options, naming the field', () => {
    const error = (config: PluginConfig) => {
      try {
        create(config);
      } catch (e) {
        return e;
      }
      return undefined;
    };
    const thin = error({ type: 'mala', target: { type: 'test-gaussian' }, thin: 0 });
    expect(thin).toBeInstanceOf(ConfigError);
    expect((thin as Error).message).toMatch(/pipeline\.0\.thin/);
    expect((error({ type: 'hmc', target: { type: 'test-gaussian' }, targetAcceptance: 1.2 }) as Error).message).toMatch(/pipeline\.0\.targetAcceptance/);
    expect((error({ type: 'random-walk-metropolis', target: { type: 'test-gaussian' }, leapfrogSteps: 3 }) as Error).message).toMatch(/leapfrogSteps/);
    expect((error({ type: 'random-walk-metropolis' }) as Error).message).toMatch(/pipeline\.0\.target/);
    expect((error({ type: 'hmc', target: { type: 'no-such-target' } }) as Error).message).toMatch(/pipeline\.0\.target\.type: unknown target 'no-such-target'/);
  });
});
