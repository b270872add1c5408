import { type DataSourceDescription, createRegistry, createRunContext, describeSource } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { dataSourcePlugins } from './plugins.js';

const registry = createRegistry(dataSourcePlugins);
const run = createRunContext({ dim: 2, particles: 10 });
const kindOf = (type: string, options: object = {}): DataSourceDescription['kind'] => describeSource(registry.create('data-source', { type, ...options }, { run, path: 'source' })).kind;

describe('what a data source says it is (describeSource)', () => {
  it('the Gaussian mixtures: their exact mixture', () => {
    for (const type of ['eight-gaussians', 'twenty-five-gaussians']) expect(kindOf(type)).toBe('mixture');
    const source = registry.create('data-source', { type: 'gaussian-mixture', means: [[-1, 0], [1, 0]], weights: [1, 3], std: 0.2 }, { run, path: 'source' });
    const law = describeSource(source);
    if (law.kind !== 'mixture') throw new Error(`expected a mixture, got ${law.kind}`);
    expect(Array.from(law.mixture.means)).toEqual([-1, 0, 1, 0]);
    expect(Array.from(law.mixture.weights)).toEqual([0.25, 0.75]);
  });

  it('the sets with a closed-form density: that density, the one they carry', () => {
    for (const type of ['banana', 'checkerboard', 'donut', 'funnel']) {
      const source = registry.create('data-source', { type }, { run, path: 'source' });
      expect(describeSource(source)).toEqual({ kind: 'density', density: (source as { density?: unknown }).density });
    }
  });

  it('the others: samples only', () => {
    for (const type of ['two-moons', 'swiss-roll', 'gaussian']) expect(kindOf(type)).toBe('samples');
  });
});
