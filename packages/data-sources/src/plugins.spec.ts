import { describe, expect, it } from 'vitest';
import { firstValueFrom } from 'rxjs';
import {
  type Logger,
  type Sde,
  createRegistry,
  createRunContext,
  labelsOf,
  silentLogger,
  timesOf,
} from '@scoreflow/core';
import { configErrorOf } from '@scoreflow/core/testing';
import { dataSourcePlugins } from './plugins.js';
import { brownianSde } from './testing/brownian-sde.js';
import { gaussianOptions } from './gaussian/gaussian-plugin.js';

const registry = createRegistry(dataSourcePlugins);
const run = createRunContext({ dim: 2, particles: 100, batchSize: 64, seed: 1 });
/** Creates a data source from `config` at `pipeline.0`, in a run of dimension `dim` (default 2). */
const create = (config: unknown, { sde, dim = 2, logger }: { sde?: Sde; dim?: number; logger?: Logger } = {}) =>
  registry.create('data-source', config, { run: createRunContext({ dim, particles: 100, batchSize: 64, logger }), sde, path: 'pipeline.0' });

const configError = configErrorOf;

describe('dataSourcePlugins', () => {
  it('lists every browser-safe data source, the toy zoo included', () => {
    expect(registry.list('data-source').map((p) => p.name)).toEqual([
      'banana',
      'checkerboard',
      'circles',
      'donut',
      'eight-gaussians',
      'funnel',
      'gaussian',
      'gaussian-mixture',
      'pinwheel',
      'prior',
      'swiss-roll',
      'twenty-five-gaussians',
      'two-moons',
      'two-spirals',
    ]);
    expect(dataSourcePlugins.every((p) => p.kind === 'data-source' && p.description.length > 0)).toBe(true);
  });
});

describe("data source 'gaussian-mixture'", () => {
  it('creates the double-gaussian preset, labelled', async () => {
    const source = create({ type: 'gaussian-mixture', preset: 'double-gaussian' });
    expect(source).toMatchObject({ name: 'gaussian-mixture', dim: 2 });
    const batch = await firstValueFrom(source.sample(run));
    expect(batch.numRows).toBe(64);
    expect(labelsOf(batch)).toBeDefined();
  });

  it('creates a mixture from means, weights and std', () => {
    const source = create({ type: 'gaussian-mixture', means: [[0, 0, 0], [1, 1, 1]], weights: [1, 3], std: 0.1 }, { dim: 3 });
    expect(source.dim).toBe(3);
  });

  it('rejects an unknown preset, listing the allowed ones', () => {
    const error = configError(() => create({ type: 'gaussian-mixture', preset: 'triple-gaussian' }));
    expect(error.issues.map((i) => i.path)).toEqual(['pipeline.0.preset']);
    expect(error.message).toContain('double-gaussian');
    expect(error.message).toContain('triple-gaussian');
  });

  it('requires a preset or means, naming the presets', () => {
    const error = configError(() => create({ type: 'gaussian-mixture' }));
    expect(error.issues[0].path).toBe('pipeline.0.means');
    expect(error.message).toContain('double-gaussian');
  });

  it('rejects weights that do not match the means, and unknown options', () => {
    expect(configError(() => create({ type: 'gaussian-mixture', means: [[0], [1]], weights: [1] })).issues[0].path).toBe('pipeline.0.weights');
    expect(configError(() => create({ type: 'gaussian-mixture', preset: 'double-gaussian', colour: 'red' })).message).toContain('colour');
  });
});

describe("data source 'gaussian'", () => {
  it('defaults to dim 2, mean 0, std 1', () => {
    expect(gaussianOptions.parse({})).toEqual({ dim: 2, mean: 0, std: 1 });
    expect(create({ type: 'gaussian' })).toMatchObject({ name: 'gaussian', dim: 2 });
  });

  it('accepts a mean per coordinate', () => {
    expect(create({ type: 'gaussian', dim: 3, mean: [1, 2, 3], std: 0.5 }, { dim: 3 }).dim).toBe(3);
  });

  it('rejects a mean whose length is not dim, naming mean', () => {
    const error = configError(() => create({ type: 'gaussian', dim: 2, mean: [1, 2, 3] }));
    expect(error.issues.map((i) => i.path)).toEqual(['pipeline.0.mean']);
    expect(error.message).toMatch(/pipeline\.0\.mean: expected one number or 2 numbers/);
  });

  it('rejects dim < 1, a fractional dim and std <= 0, naming each field', () => {
    const paths = (config: object) => configError(() => create({ type: 'gaussian', ...config })).issues.map((i) => i.path);
    expect(paths({ dim: 0 })).toEqual(['pipeline.0.dim']);
    expect(paths({ dim: 1.5 })).toEqual(['pipeline.0.dim']);
    expect(paths({ std: 0 })).toEqual(['pipeline.0.std']);
    expect(paths({ mean: 'zero' })).toEqual(['pipeline.0.mean']);
  });

  it("warns on the run's logger when its dim differs from the run's", () => {
    const warnings: string[] = [];
    const logger: Logger = { ...silentLogger, warn: (message) => warnings.push(message) };
    create({ type: 'gaussian', dim: 3 }, { dim: 2, logger });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/pipeline\.0: data source 'gaussian' has dimension 3, the run's particles have dimension 2\./);
  });
});

describe("data source 'prior'", () => {
  it("samples the pipeline SDE's prior at t = T in the run's dimension", async () => {
    const source = create({ type: 'prior' }, { sde: brownianSde(4), dim: 3 });
    expect(source).toMatchObject({ name: 'prior', dim: 3 });
    const batch = await firstValueFrom(source.sample(createRunContext({ dim: 3, particles: 10 })));
    expect(timesOf(batch).every((t) => t === 4)).toBe(true);
  });

  it('takes dim from its options', () => {
    expect(create({ type: 'prior', dim: 5 }, { sde: brownianSde(4), dim: 5 }).dim).toBe(5);
    expect(configError(() => create({ type: 'prior', dim: 0 }, { sde: brownianSde(4) })).issues[0].path).toBe('pipeline.0.dim');
  });

  it('throws a ConfigError naming the path when the pipeline has no SDE', () => {
    const error = configError(() => create({ type: 'prior' }));
    expect(error.issues[0].path).toBe('pipeline.0');
    expect(error.message).toContain('pipeline.0');
    expect(error.message).toContain('needs an SDE');
  });
});
