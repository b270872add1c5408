import { describe, expect, it } from 'vitest';
import { firstValueFrom } from 'rxjs';
import { z } from 'zod';
import { ConfigError, type PluginConfig, createRegistry, createRunContext, dimOf, labelsOf } from '@scoreflow/core';
import { gaussianSource } from '../gaussian/gaussian-source.js';
import { hasDensity } from './density-source.js';
import { toyPlugins } from './toy-plugins.js';

const registry = createRegistry(toyPlugins);
const run = createRunContext({ dim: 2, particles: 100, batchSize: 64, seed: 1 });
const create = (config: unknown) => registry.create('data-source', config, { run, path: 'source' });

/** The paths of the issues of the ConfigError that creating `config` throws. */
function issuePaths(config: object): string[] {
  try {
    create(config);
  } catch (error) {
    if (error instanceof ConfigError) return error.issues.map((issue) => issue.path);
    throw error;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(config)}`);
}

const withDensity = ['banana', 'checkerboard', 'donut', 'eight-gaussians', 'funnel', 'twenty-five-gaussians'];
const labelled = ['circles', 'eight-gaussians', 'pinwheel', 'twenty-five-gaussians', 'two-moons', 'two-spirals'];

describe('toyPlugins', () => {
  it('lists the eleven toy sets as data sources', () => {
    expect(registry.list('data-source').map((p) => p.name)).toEqual([
      'banana', 'checkerboard', 'circles', 'donut', 'eight-gaussians', 'funnel', 'pinwheel', 'swiss-roll', 'twenty-five-gaussians', 'two-moons', 'two-spirals',
    ]);
    expect(toyPlugins.every((p) => p.kind === 'data-source' && p.description.length > 0)).toBe(true);
  });

  for (const plugin of toyPlugins) {
    it(`'${plugin.name}' creates a 2-D source from its defaults that streams batches${labelled.includes(plugin.name) ? ' with labels' : ''}`, async () => {
      const source = create({ type: plugin.name });
      expect(source).toMatchObject({ name: plugin.name, dim: 2 });
      expect(hasDensity(source)).toBe(withDensity.includes(plugin.name));
      const batch = await firstValueFrom(source.sample(run));
      expect(batch.numRows).toBe(64);
      expect(dimOf(batch)).toBe(2);
      expect(labelsOf(batch) !== undefined).toBe(labelled.includes(plugin.name));
    });

    it(`'${plugin.name}' describes its options in JSON Schema (for 'scoreflow list')`, () => {
      const schema = z.toJSONSchema(plugin.options, { io: 'input', unrepresentable: 'any' }) as { properties?: object };
      expect(Object.keys(schema.properties ?? {}).length).toBeGreaterThan(0);
    });
  }

  it('records the options after defaults, and the resolved config creates the same source', () => {
    const resolved: PluginConfig[] = [];
    registry.create('data-source', { type: 'two-moons', preset: 'standard' }, { run, path: 'source', onResolved: (_path, config) => resolved.push(config) });
    registry.create('data-source', { type: 'banana' }, { run, path: 'source', onResolved: (_path, config) => resolved.push(config) });
    expect(resolved).toEqual([
      { type: 'two-moons', preset: 'standard', noise: 0.05, shift: [-0.5, -0.25], scale: 2 },
      { type: 'banana', scale: 2, curvature: 0.25, width: 1 },
    ]);
    expect(() => create(resolved[0])).not.toThrow();
  });

  it('rejects bad options, naming each field', () => {
    expect(issuePaths({ type: 'two-moons', noise: -0.1 })).toEqual(['source.noise']);
    expect(issuePaths({ type: 'two-moons', preset: 'wobbly' })).toEqual(['source.preset']);
    expect(issuePaths({ type: 'two-moons', shift: [1] })).toEqual(['source.shift']);
    expect(issuePaths({ type: 'circles', factor: 1 })).toEqual(['source.factor']);
    expect(issuePaths({ type: 'swiss-roll', scale: 0 })).toEqual(['source.scale']);
    expect(issuePaths({ type: 'checkerboard', scale: -1 })).toEqual(['source.scale']);
    expect(issuePaths({ type: 'pinwheel', arms: 2.5, radialStd: -1 })).toEqual(['source.arms', 'source.radialStd']);
    expect(issuePaths({ type: 'two-spirals', noise: 'lots' })).toEqual(['source.noise']);
    expect(issuePaths({ type: 'eight-gaussians', std: 0 })).toEqual(['source.std']);
    expect(issuePaths({ type: 'twenty-five-gaussians', scale: Number.POSITIVE_INFINITY })).toEqual(['source.scale']);
    expect(issuePaths({ type: 'banana', width: 0 })).toEqual(['source.width']);
    expect(issuePaths({ type: 'donut', radius: -1 })).toEqual(['source.radius']);
    expect(issuePaths({ type: 'funnel', scale: 0 })).toEqual(['source.scale']);
  });

  it('rejects unknown options, naming them', () => {
    expect(() => create({ type: 'donut', colour: 'red' })).toThrow(/colour/);
    expect(() => create({ type: 'two-moons', preset: 'standard', factor: 0.5 })).toThrow(/factor/);
  });
});

describe('hasDensity(source)', () => {
  it('is false for a source without a density', () => {
    expect(hasDensity(gaussianSource({ dim: 2 }))).toBe(false);
  });
});
