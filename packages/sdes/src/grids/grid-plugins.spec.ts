import { ConfigError, createRegistry, createRunContext } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { vp } from '../vp.js';
import { timeGridPlugins } from './grid-plugins.js';

const registry = createRegistry(timeGridPlugins);
const scope = { run: createRunContext({ dim: 2 }), path: 'grid' };

function issues(config: unknown): ConfigError['issues'] {
  try {
    registry.create('time-grid', config, scope);
  } catch (error) {
    if (error instanceof ConfigError) return error.issues;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('timeGridPlugins', () => {
  it('lists ddpm, geometric, karras, times and uniform as time-grid plugins', () => {
    expect(registry.list('time-grid').map((plugin) => plugin.name)).toEqual(['ddpm', 'geometric', 'karras', 'times', 'uniform']);
  });

  it('fills the documented defaults', () => {
    expect(registry.parse('time-grid', { type: 'karras' }, 'grid').options).toEqual({ rho: 7 });
    expect(registry.parse('time-grid', { type: 'ddpm' }, 'grid').options).toEqual({
      schedule: 'linear',
      trainSteps: 1000,
      betaStart: 1e-4,
      betaEnd: 0.02,
      spacing: 'leading',
    });
  });

  it('creates grids with the given options', () => {
    const karras = registry.create('time-grid', { type: 'karras', rho: 1 }, scope);
    expect(karras.name).toBe('karras');
    expect(karras.times(vp(), 4, 1e-3).length).toBe(5);
    const ddpm = registry.create('time-grid', { type: 'ddpm', schedule: 'cosine', spacing: 'trailing' }, scope);
    expect(ddpm.times(vp(), 4, 0)[4]).toBe(0);
    const times = registry.create('time-grid', { type: 'times', values: [1, 0.5, 0] }, scope);
    expect(Array.from(times.times(vp(), 2, 0))).toEqual([1, 0.5, 0]);
  });

  it('karras: a bad rho and sigmaMin >= sigmaMax name their field', () => {
    expect(issues({ type: 'karras', rho: 0 })[0].path).toBe('grid.rho');
    expect(issues({ type: 'karras', sigmaMin: 2, sigmaMax: 1 })).toEqual([{ path: 'grid.sigmaMax', message: 'must be greater than sigmaMin (2), got 1' }]);
    expect(issues({ type: 'karras', sigmaMin: -1 })[0].path).toBe('grid.sigmaMin');
  });

  it('ddpm: bad schedule, spacing, trainSteps and betas name their field', () => {
    expect(issues({ type: 'ddpm', schedule: 'cos' })[0]).toMatchObject({ path: 'grid.schedule', message: expect.stringMatching(/"linear"\|"scaled-linear"\|"cosine".*got "cos"/) });
    expect(issues({ type: 'ddpm', spacing: 'even' })[0].path).toBe('grid.spacing');
    expect(issues({ type: 'ddpm', trainSteps: 1.5 })[0].path).toBe('grid.trainSteps');
    expect(issues({ type: 'ddpm', betaEnd: 1 })[0].path).toBe('grid.betaEnd');
    expect(issues({ type: 'ddpm', betaStart: 0.1, betaEnd: 0.01 })).toEqual([{ path: 'grid.betaEnd', message: 'must be at least betaStart (0.1), got 0.01' }]);
  });

  it('times: a missing, short, negative or non-decreasing list names the entry', () => {
    expect(issues({ type: 'times' })[0].path).toBe('grid.values');
    expect(issues({ type: 'times', values: [1] })[0].path).toBe('grid.values');
    expect(issues({ type: 'times', values: [1, -1] })[0].path).toBe('grid.values.1');
    expect(issues({ type: 'times', values: [1, 0.5, 0.7, 0] })).toEqual([
      { path: 'grid.values.2', message: 'must be less than values.1 (0.5); times decrease strictly, got 0.7' },
    ]);
  });

  it('rejects unknown options', () => {
    expect(issues({ type: 'karras', sigma: 3 })[0].message).toMatch(/sigma/);
    expect(issues({ type: 'ddpm', stepsOffset: 1 })[0].message).toMatch(/stepsOffset/);
  });
});
