import { describe, expect, it } from 'vitest';
import { idsOf, labelsOf, positionsOf, stagesOf, stepsOf, timesOf } from './accessors.js';
import { concatParticleBatches } from './concat-batches.js';
import { makeParticleBatch } from './particle-batch.js';
import { stageTagger } from './stage-columns.js';

const part = (ids: number[]) =>
  makeParticleBatch({
    x: Float32Array.from(ids.flatMap((id) => [id, -id])),
    dim: 2,
    id: Uint32Array.from(ids),
    step: 7,
    t: 0.5,
    label: Int32Array.from(ids.map((id) => id % 2)),
    metadata: { run: 'demo', seed: 3 },
  });

describe('concatParticleBatches(batches)', () => {
  it('joins the rows of every batch, ordered by id, keeping schema and metadata', () => {
    const whole = concatParticleBatches([part([4, 5]), part([0, 1]), part([2, 3])]);
    expect(whole.numRows).toBe(6);
    expect([...idsOf(whole)]).toEqual([0, 1, 2, 3, 4, 5]);
    expect([...positionsOf(whole)]).toEqual([0, -0, 1, -1, 2, -2, 3, -3, 4, -4, 5, -5]);
    expect([...labelsOf(whole)!]).toEqual([0, 1, 0, 1, 0, 1]);
    expect([...stepsOf(whole)]).toEqual([7, 7, 7, 7, 7, 7]);
    expect(timesOf(whole)[5]).toBe(0.5);
    expect(String(whole.schema.fields)).toBe(String(part([0]).schema.fields));
    expect(whole.schema.metadata).toEqual(part([0]).schema.metadata);
  });

  it('orders ids that interleave across batches, and keeps the stage columns', () => {
    const tag = stageTagger(['reverse', 'hmc']);
    const whole = concatParticleBatches([tag(part([1, 3]), 1), tag(part([0, 2]), 1)]);
    expect([...idsOf(whole)]).toEqual([0, 1, 2, 3]);
    expect([...positionsOf(whole)].filter((_, i) => i % 2 === 0)).toEqual([0, 1, 2, 3]);
    expect([...stagesOf(whole)!]).toEqual([1, 1, 1, 1]);
    expect([...whole.getChild('stage_name')!]).toEqual(['hmc', 'hmc', 'hmc', 'hmc']);
  });

  it('refuses no batches and batches of different columns', () => {
    expect(() => concatParticleBatches([])).toThrow(/at least one batch, got none/);
    const unlabelled = makeParticleBatch({ x: new Float32Array(2), dim: 2, id: 9, step: 7, t: 0.5 });
    expect(() => concatParticleBatches([part([0]), unlabelled])).toThrow(/different columns/);
  });
});
