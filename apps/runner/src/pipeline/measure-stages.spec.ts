import { createRegistry, createRunContext, makeParticleBatch } from '@scoreflow/core';
import { metricPlugins } from '@scoreflow/metrics';
import { describe, expect, it } from 'vitest';
import { stageMeasurer } from './measure-stages.js';

describe('stageMeasurer(stages, limit)', () => {
  const registry = createRegistry(metricPlugins);
  const scope = { run: createRunContext({ dim: 1 }), path: 'metrics.0' };
  const metrics = [registry.create('metric', { type: 'mmd' }, scope), registry.create('metric', { type: 'energy-distance', maxSamples: 50 }, scope)];
  // 100 particles at 0 .. 99 (ids 0 .. 99); the reference sample is 0 .. 29.
  const batch = makeParticleBatch({ x: Float32Array.from({ length: 100 }, (_, i) => i), dim: 1, id: Uint32Array.from({ length: 100 }, (_, i) => i), step: 3, t: 0 });
  const reference = Float32Array.from({ length: 30 }, (_, i) => i);

  it("writes each snapshot's measures in values and the bandwidth and rows the metrics used in settings", () => {
    const measurer = stageMeasurer(1, 80);
    measurer.add(0, batch);
    const [record] = measurer.measure(() => reference, metrics);
    expect(Object.keys(record.values).sort()).toEqual(['energy', 'mmd2']);
    // The 80 lowest ids are measured; energy distance strides both samples to 50 rows.
    expect(record.settings).toMatchObject({ mmdRows: 80, mmdReferenceRows: 30, energyRows: 50, energyReferenceRows: 30 });
    expect(record.settings.mmdBandwidth).toBeGreaterThan(0);
  });

  it('gives a snapshot of one particle empty values and settings', () => {
    const measurer = stageMeasurer(1, 1);
    measurer.add(0, batch);
    expect(measurer.measure(() => reference, metrics)).toEqual([{ stage: 0, step: 3, t: 0, n: 1, values: {}, settings: {} }]);
  });
});
