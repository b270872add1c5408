import { describe, expect, it } from 'vitest';
import { particlesFromIpc, particlesToIpc } from '../ipc/encode.js';
import { dimOf, idsOf, labelsOf, metadataOf, positionsOf, stepsOf, timesOf } from './accessors.js';
import { makeParticleBatch } from './particle-batch.js';

const sample = () =>
  makeParticleBatch({
    x: new Float32Array([0, 1, 2, 3, 4, 5]),
    dim: 2,
    id: 7,
    step: 3,
    t: 0.5,
    label: new Int32Array([1, 0, 1]),
    metadata: { run: 'demo', seed: 42 },
  });

describe('makeParticleBatch', () => {
  it('builds the tidy schema with dim, run and seed metadata', () => {
    const batch = sample();
    expect(batch.schema.fields.map((field) => `${field.name}:${field.type}`)).toEqual(['id:Uint32', 'step:Int32', 't:Float32', 'x:FixedSizeList[2]<Float32>', 'label:Int32']);
    expect(batch.schema.fields.every((field) => !field.nullable)).toBe(true);
    expect(batch.schema.metadata.get('dim')).toBe('2');
    expect(metadataOf(batch)).toEqual({ run: 'demo', seed: 42 });
    expect(batch.numRows).toBe(3);
  });

  it('wraps the positions without copying and hands them back without copying', () => {
    const x = new Float32Array([0, 1, 2, 3, 4, 5]);
    const batch = makeParticleBatch({ x, dim: 2, id: 0, step: 0, t: 0 });
    const back = positionsOf(batch);
    expect(back.buffer).toBe(x.buffer);
    expect(back.byteOffset).toBe(x.byteOffset);
    expect(back.length).toBe(6);
    x[3] = 99;
    expect(batch.getChild('x')!.get(1)!.toArray()).toEqual(new Float32Array([2, 99]));
  });

  it('keeps typed-array columns as given', () => {
    const id = new Uint32Array([5, 9]);
    const batch = makeParticleBatch({ x: new Float32Array(4), dim: 2, id, step: new Int32Array([1, 2]), t: new Float32Array([0.1, 0.2]) });
    expect(idsOf(batch).buffer).toBe(id.buffer);
    expect([...stepsOf(batch)]).toEqual([1, 2]);
    expect(timesOf(batch)[1]).toBeCloseTo(0.2, 6);
    expect(labelsOf(batch)).toBeUndefined();
    expect(dimOf(batch)).toBe(2);
  });

  it('reads views of a sliced batch at the right offset', () => {
    const batch = sample().slice(1, 3);
    expect([...positionsOf(batch)]).toEqual([2, 3, 4, 5]);
    expect([...idsOf(batch)]).toEqual([8, 9]);
    expect([...labelsOf(batch)!]).toEqual([0, 1]);
  });

  it('rejects positions that are not a multiple of dim and columns of the wrong length', () => {
    expect(() => makeParticleBatch({ x: new Float32Array(5), dim: 2, id: 0, step: 0, t: 0 })).toThrow(/multiple of dim/);
    expect(() => makeParticleBatch({ x: new Float32Array(4), dim: 2, id: new Uint32Array(3), step: 0, t: 0 })).toThrow(
      /'id' has 3 values but x holds 2 particles/,
    );
    expect(() => makeParticleBatch({ x: new Float32Array(4), dim: 0, id: 0, step: 0, t: 0 })).toThrow(/dim must be an integer >= 1/);
  });
});

describe('Arrow IPC round trip', () => {
  for (const format of ['file', 'stream'] as const) {
    it(`keeps values, schema and metadata in the ${format} format`, () => {
      const batches = [sample(), makeParticleBatch({ ...initOf(), id: 10 })];
      const [first, second] = particlesFromIpc(particlesToIpc(batches, format));
      expect([...positionsOf(first)]).toEqual([0, 1, 2, 3, 4, 5]);
      expect([...idsOf(second)]).toEqual([10, 11, 12]);
      expect([...labelsOf(first)!]).toEqual([1, 0, 1]);
      expect(first.schema.metadata.get('dim')).toBe('2');
      expect(metadataOf(second)).toEqual({ run: 'demo', seed: 42 });
      expect(first.schema.fields.every((field) => !field.nullable)).toBe(true);
    });
  }
});

function initOf() {
  return { x: new Float32Array([6, 7, 8, 9, 10, 11]), dim: 2, step: 1, t: 1, label: new Int32Array(3), metadata: { run: 'demo', seed: 42 } };
}
