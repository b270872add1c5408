import { createBrowserRegistry } from '@scoreflow/catalogue';
import { createRunContext, makeParticleBatch } from '@scoreflow/core';
import { from, lastValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { measureStages } from './measure-stages.js';
import type { RunEvent } from './run-events.js';

describe('measureStages(stages, limit, referenceAt, metrics)', () => {
  const registry = createBrowserRegistry();
  const scope = { run: createRunContext({ dim: 1 }), path: 'metrics.0' };
  const metrics = [registry.create('metric', { type: 'mmd' }, scope), registry.create('metric', { type: 'energy-distance', maxSamples: 50 }, scope)];
  // 100 particles at 0 .. 99 (ids 0 .. 99); the reference sample is 0 .. 29.
  const batch = makeParticleBatch({ x: Float32Array.from({ length: 100 }, (_, i) => i), dim: 1, id: Uint32Array.from({ length: 100 }, (_, i) => i), step: 3, t: 0 });
  const reference = Float32Array.from({ length: 30 }, (_, i) => i);
  const events: RunEvent[] = [
    { type: 'snapshot', stage: 1, batch },
    { type: 'stats', stage: 0, stats: { particles: 100, values: { nfe: 3 } } },
    { type: 'snapshot', stage: 0, batch: batch.slice(0, 10) },
  ];

  it("writes each snapshot's measures in values and the bandwidth and rows the metrics used in settings, by stage", async () => {
    const records = await lastValueFrom(from(events).pipe(measureStages(2, 80, () => reference, metrics)));
    expect(records.map(({ stage, n }) => [stage, n])).toEqual([
      [0, 10],
      [1, 80],
    ]);
    const record = records[1];
    expect(Object.keys(record.values).sort()).toEqual(['energy', 'mmd2']);
    // The 80 lowest ids are measured; energy distance strides both samples to 50 rows.
    expect(record.settings).toMatchObject({ mmdRows: 80, mmdReferenceRows: 30, energyRows: 50, energyReferenceRows: 30 });
    expect(record.settings.mmdBandwidth).toBeGreaterThan(0);
  });

  it('gives a snapshot of one particle empty values and settings', async () => {
    expect(await lastValueFrom(from(events.slice(0, 1)).pipe(measureStages(2, 1, () => reference, metrics)))).toEqual([{ stage: 1, step: 3, t: 0, n: 1, values: {}, settings: {} }]);
  });

  it('measures nothing without a reference', async () => {
    expect(await lastValueFrom(from(events).pipe(measureStages(2, 80, undefined, metrics)))).toEqual([]);
  });
});
