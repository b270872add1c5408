import { createRegistry, createRunContext } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import type { SubVpSde } from './sub-vp.js';
import type { VeSde } from './ve.js';
import type { VpSde } from './vp.js';
import { sdePlugins } from './plugins.js';

const registry = createRegistry(sdePlugins);
const scope = { run: createRunContext({ dim: 2 }), path: 'sde' };

/** Creating `config` throws a `ConfigError` whose issues include those given (path and message). */
function expectIssues(config: unknown, ...issues: readonly Record<string, unknown>[]): void {
  const wanted = issues.map((issue) => expect.objectContaining(issue));
  expect(() => registry.create('sde', config, scope)).toThrow(expect.objectContaining({ name: 'ConfigError', issues: expect.arrayContaining(wanted) }));
}

describe('sdePlugins', () => {
  it('lists brownian, sub-vp, ve and vp as sde plugins', () => {
    expect(registry.list('sde').map((plugin) => plugin.name)).toEqual(['brownian', 'sub-vp', 've', 'vp']);
  });

  it('fills the documented defaults', () => {
    expect(registry.parse('sde', { type: 'brownian' }, 'sde').options).toEqual({ g: 1, T: 1 });
    expect(registry.parse('sde', { type: 've' }, 'sde').options).toEqual({ sigmaMin: 0.01, sigmaMax: 50, T: 1 });
    expect(registry.parse('sde', { type: 'vp' }, 'sde').options).toEqual({ betaMin: 0.1, betaMax: 20, T: 1 });
    expect(registry.parse('sde', { type: 'sub-vp' }, 'sde').options).toEqual({ betaMin: 0.1, betaMax: 20, T: 1 });
  });

  it('creates SDEs with the given options', () => {
    const brownian = registry.create('sde', { type: 'brownian', g: 2, T: 4 }, scope);
    expect(brownian.priorStd).toBe(4);
    const ve = registry.create('sde', { type: 've', sigmaMin: 0.1, sigmaMax: 10 }, scope) as VeSde;
    expect(ve.sigma(1)).toBeCloseTo(10, 12);
    const vp = registry.create('sde', { type: 'vp', betaMax: 10, T: 2 }, scope) as VpSde;
    expect(vp.beta(2)).toBe(10);
    const subVp = registry.create('sde', { type: 'sub-vp', betaMin: 1, betaMax: 3 }, scope) as SubVpSde;
    expect(subVp.name).toBe('sub-vp');
    expect(subVp.marginal(1).std).toBeCloseTo(1 - Math.exp(-2), 14);
  });

  it('ve: sigmaMin >= sigmaMax names sigmaMax', () => {
    expectIssues({ type: 've', sigmaMin: 60 }, { path: 'sde.sigmaMax', message: 'must be greater than sigmaMin (60), got 50' });
  });

  it.each(['vp', 'sub-vp'])('%s: betaMin > betaMax names betaMax', (type) => {
    expectIssues({ type, betaMin: 5, betaMax: 1 }, { path: 'sde.betaMax', message: 'must be at least betaMin (5), got 1' });
  });

  it.each([
    [{ type: 'brownian', g: -1 }, { path: 'sde.g' }],
    [{ type: 'vp', T: 0 }, { path: 'sde.T' }],
    [{ type: 'sub-vp', betaMin: -1 }, { path: 'sde.betaMin' }],
    [{ type: 've', sigma: 3 }, { path: 'sde', message: expect.stringContaining('"sigma"') }],
  ])('rejects %o, naming the field', (config, issue) => {
    expectIssues(config, issue);
  });
});
