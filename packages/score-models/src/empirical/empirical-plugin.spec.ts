import {
  type ConfigError,
  type DataSource,
  type RunContext,
  createRegistry,
  createRunContext,
  definePlugin,
  deriveSeed,
  makeParticleBatch,
  silentLogger,
} from '@scoreflow/core';
import { asyncScheduler, from, observeOn, throwError } from 'rxjs';
import { configErrorOf } from '@scoreflow/core/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { scoreModelPlugins } from '../plugins.js';
import { vpLike } from '../testing/affine-sde.js';
import { empiricalPlugin } from './empirical-plugin.js';
import { empiricalScore } from './empirical-score.js';

/** The contexts the test source was sampled with. */
const sampled: RunContext[] = [];

/**
 * A data source for these tests (score-models imports no data-source package): particle id i is
 * (i, -i / 2, ...) in `dim` dimensions, `available` of them at most, emitted asynchronously in
 * batches of ctx.batchSize; `fail` makes it error instead.
 */
const rampPlugin = definePlugin({
  kind: 'data-source',
  name: 'ramp',
  description: 'Test source: point i is (i, -i/2)',
  options: z.strictObject({ dim: z.number().int().min(1).default(2), available: z.number().int().optional(), fail: z.boolean().default(false) }),
  create: ({ dim, available, fail }): DataSource => ({
    name: 'ramp',
    dim,
    sample(ctx) {
      sampled.push(ctx);
      if (fail) return throwError(() => new Error('ramp: cannot read'));
      const count = Math.min(ctx.particles, available ?? Number.POSITIVE_INFINITY);
      const batches = [];
      for (let first = 0; first < count; first += ctx.batchSize) {
        const n = Math.min(ctx.batchSize, count - first);
        const x = new Float32Array(n * dim).map((_, k) => (first + Math.floor(k / dim)) * (k % dim === 0 ? 1 : -0.5));
        batches.push(makeParticleBatch({ x, dim, id: first, step: 0, t: 0 }));
      }
      return from(batches).pipe(observeOn(asyncScheduler));
    },
  }),
});

const registry = createRegistry([empiricalPlugin, rampPlugin]);
const ramp = (count: number) => Float32Array.from({ length: 2 * count }, (_, k) => Math.floor(k / 2) * (k % 2 === 0 ? 1 : -0.5));
const x = new Float32Array([0.5, 0, 3, -1, -2, 4]);

function create(config: Record<string, unknown>, scope: { dim?: number; sde?: typeof vpLike | undefined; seed?: number } = {}) {
  const run = createRunContext({ dim: scope.dim ?? 2, seed: scope.seed ?? 3, batchSize: 7 });
  const sde = 'sde' in scope ? scope.sde : vpLike;
  return registry.create('score-model', { type: 'empirical', ...config }, { run, sde, path: 'pipeline.1.score' });
}

const configError = (config: Record<string, unknown>, scope: { dim?: number; sde?: typeof vpLike | undefined } = {}): ConfigError =>
  configErrorOf(() => create(config, scope));

describe('empirical plugin', () => {
  it('is one of scoreModelPlugins, of kind score-model', () => {
    expect(scoreModelPlugins).toContain(empiricalPlugin);
    expect(empiricalPlugin.kind).toBe('score-model');
  });

  it('is empiricalScore of the first `points` particles of its data source; the first call returns a promise', async () => {
    const model = create({ data: { type: 'ramp' }, points: 20 });
    expect(model.name).toBe('empirical');
    expect(model.dim).toBe(2);
    const out = new Float32Array(x.length);
    const first = model.score(x, 0.4, out);
    expect(first).toBeInstanceOf(Promise);
    await first;
    const expected = new Float32Array(x.length);
    empiricalScore(ramp(20), 2, vpLike).score(x, 0.4, expected);
    expect(Array.from(out)).toEqual(Array.from(expected));
    // Loaded: later calls run synchronously.
    expect(model.score(x, 0.2, out)).toBeUndefined();
    empiricalScore(ramp(20), 2, vpLike).score(x, 0.2, expected);
    expect(Array.from(out)).toEqual(Array.from(expected));
  });

  it('samples its source once, with particles = points and the seed derived by deriveSeed(seed, "empirical")', async () => {
    sampled.length = 0;
    const model = create({ data: { type: 'ramp' }, points: 30 }, { seed: 42 });
    expect(sampled).toHaveLength(0); // nothing is read when the plugin is created
    const out = new Float32Array(x.length);
    await Promise.all([model.score(x, 0.4, out), model.score(x, 0.5, out)]);
    expect(sampled).toHaveLength(1);
    expect(sampled[0].particles).toBe(30);
    expect(sampled[0].seed).toBe(deriveSeed(42, 'empirical'));
    expect(sampled[0].dim).toBe(2);
    expect(sampled[0].batchSize).toBe(7);
  });

  it('defaults to 10,000 points', async () => {
    sampled.length = 0;
    await create({ data: { type: 'ramp' } }).score(x, 0.4, new Float32Array(x.length));
    expect(sampled[0].particles).toBe(10_000);
  });

  it('uses the points a short source gives, and warns', async () => {
    const warnings: string[] = [];
    const run = createRunContext({ dim: 2, logger: { ...silentLogger, warn: (message) => warnings.push(message) } });
    const model = registry.create('score-model', { type: 'empirical', data: { type: 'ramp', available: 5 }, points: 50 }, { run, sde: vpLike, path: 'score' });
    const out = new Float32Array(x.length);
    await model.score(x, 0.3, out);
    const expected = empiricalScore(ramp(5), 2, vpLike);
    const reference = new Float32Array(x.length);
    expected.score(x, 0.3, reference);
    expect(Array.from(out)).toEqual(Array.from(reference));
    expect(warnings).toEqual(["score.data: data source 'ramp' gave 5 points, 50 were asked for."]);
  });

  it('with subset is deterministic per run seed', async () => {
    const scores = async (seed: number) => {
      const out = new Float32Array(x.length);
      await create({ data: { type: 'ramp' }, points: 100, subset: 10 }, { seed }).score(x, 0.05, out);
      return Array.from(out);
    };
    expect(await scores(1)).toEqual(await scores(1));
    expect(await scores(2)).not.toEqual(await scores(1));
  });

  it('passes a failing source on as a rejected score, every call', async () => {
    const model = create({ data: { type: 'ramp', fail: true } });
    await expect(model.score(x, 0.4, new Float32Array(x.length))).rejects.toThrow('ramp: cannot read');
    await expect(model.score(x, 0.4, new Float32Array(x.length))).rejects.toThrow('ramp: cannot read');
  });

  it('without an SDE throws a ConfigError naming the path and saying a score model needs an SDE', () => {
    const error = configError({ data: { type: 'ramp' } }, { sde: undefined });
    expect(error.message).toMatch(/pipeline\.1\.score/);
    expect(error.issues[0]).toMatchObject({ path: 'pipeline.1.score' });
    expect(error.issues[0].message).toMatch(/a score model needs an SDE/);
  });

  it('a data source of another dimension throws a ConfigError at data', () => {
    const error = configError({ data: { type: 'ramp', dim: 3 } });
    expect(error.issues).toEqual([
      { path: 'pipeline.1.score.data', message: "data source 'ramp' has dimension 3, the run's particles have dimension 2" },
    ]);
  });

  it('reports bad nested and own options at their paths', () => {
    expect(configError({ data: { type: 'ramp', dim: 0 } }).issues[0].path).toBe('pipeline.1.score.data.dim');
    expect(() => create({ data: { type: 'moons' } })).toThrow(/pipeline\.1\.score\.data\.type: unknown data-source 'moons'/);
    expect(configError({}).issues[0].path).toBe('pipeline.1.score.data');
    expect(configError({ data: { type: 'ramp' }, points: 0 }).issues[0].path).toBe('pipeline.1.score.points');
    expect(configError({ data: { type: 'ramp' }, points: 10, subset: 20 }).issues).toEqual([
      { path: 'pipeline.1.score.subset', message: 'expected at most points (10), got 20' },
    ]);
    expect(configError({ data: { type: 'ramp' }, chunk: 5 }).message).toMatch(/chunk/);
  });
});
