import { ConfigError, createRegistry, createRunContext } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { energyDistance } from '../energy/energy-distance.js';
import { mmd2 } from '../mmd/mmd2.js';
import { covarianceError, meanError } from '../moments/moment-errors.js';
import { slicedWasserstein } from '../sliced-wasserstein/sliced-wasserstein.js';
import { gaussianSample } from '../test-support/gaussian-sample.js';
import { metricPlugins } from './metric-plugins.js';

const registry = createRegistry(metricPlugins);
const scope = { run: createRunContext({ dim: 2 }), path: 'metrics.0' };
const x = gaussianSample(1, 300, [0, 0], 1);
const y = gaussianSample(2, 200, [1, 0], 1.5);

describe('metricPlugins', () => {
  it('lists the seven metrics by name', () => {
    expect(registry.list('metric').map((plugin) => plugin.name)).toEqual(['class-accuracy', 'energy-distance', 'frechet', 'mmd', 'moments', 'ode-nll', 'sliced-wasserstein']);
  });

  it('fills in the documented defaults', () => {
    expect(registry.parse('metric', { type: 'sliced-wasserstein' }, '').options).toEqual({ projections: 128, seed: 0 });
    expect(registry.parse('metric', { type: 'mmd' }, '').options).toEqual({ bandwidth: 'median', maxSamples: 2000 });
    expect(registry.parse('metric', { type: 'energy-distance' }, '').options).toEqual({ maxSamples: 2000 });
    expect(registry.parse('metric', { type: 'moments' }, '').options).toEqual({});
  });

  it('sliced-wasserstein reports { sw2 } as slicedWasserstein does, and the rows it used as settings', () => {
    const metric = registry.create('metric', { type: 'sliced-wasserstein', projections: 16, seed: 3 }, scope);
    expect(metric.name).toBe('sliced-wasserstein');
    expect(metric.measure(x, y, 2)).toEqual({ sw2: slicedWasserstein(x, y, 2, { projections: 16, seed: 3 }), sw2Rows: 300, sw2ReferenceRows: 200 });
    expect(metric.settings).toEqual(['sw2Rows', 'sw2ReferenceRows']);
    expect(registry.create('metric', { type: 'sliced-wasserstein', maxSamples: 250 }, scope).measure(x, y, 2)).toMatchObject({ sw2Rows: 250, sw2ReferenceRows: 200 });
  });

  it('mmd reports { mmd2 } as mmd2 does, and the bandwidth and rows it used as settings', async () => {
    const expected = mmd2(x, y, 2, { bandwidth: 0.7 });
    const fixed = registry.create('metric', { type: 'mmd', bandwidth: 0.7 }, scope);
    expect(fixed.measure(x, y, 2)).toEqual({ mmd2: expected.mmd2, mmdBandwidth: 0.7, mmdRows: 300, mmdReferenceRows: 200 });
    expect(fixed.settings).toEqual(['mmdBandwidth', 'mmdRows', 'mmdReferenceRows']);
    expect((await registry.create('metric', { type: 'mmd' }, scope).measure(x, y, 2)).mmdBandwidth).toBe(mmd2(x, y, 2).bandwidth);
    // The default strides each sample to 2000 rows.
    const big = gaussianSample(3, 2500, [0, 0], 1);
    expect(registry.create('metric', { type: 'mmd', bandwidth: 1 }, scope).measure(big, y, 2)).toMatchObject({ mmdRows: 2000, mmdReferenceRows: 200 });
  });

  it('energy-distance reports { energy } and moments { meanError, covarianceError }', () => {
    const energy = registry.create('metric', { type: 'energy-distance', maxSamples: 100 }, scope);
    expect(energy.measure(x, y, 2)).toEqual({
      energy: energyDistance(x, y, 2, { maxSamples: 100 }),
      energyRows: 100,
      energyReferenceRows: 100,
    });
    expect(energy.settings).toEqual(['energyRows', 'energyReferenceRows']);
    expect(registry.create('metric', { type: 'moments' }, scope).measure(x, y, 2)).toEqual({
      meanError: meanError(x, y, 2),
      covarianceError: covarianceError(x, y, 2),
    });
  });

  it('rejects bad options, naming the field and the value', () => {
    expect(() => registry.parse('metric', { type: 'mmd', bandwidth: -1 }, 'metrics.1')).toThrow(ConfigError);
    expect(() => registry.parse('metric', { type: 'mmd', bandwidth: -1 }, 'metrics.1')).toThrow(/metrics\.1\.bandwidth: .*got -1/);
    expect(() => registry.parse('metric', { type: 'sliced-wasserstein', projections: 0 }, '')).toThrow(/projections: .*got 0/);
    expect(() => registry.parse('metric', { type: 'moments', extra: 1 }, '')).toThrow(/extra/);
  });
});
