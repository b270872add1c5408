import { RecordBatch, tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { checkParticleBatch, isParticleBatch } from './is-particle-batch.js';
import { makeParticleBatch } from './particle-batch.js';
import { ParticleBatchError } from './particle-batch-error.js';
import { stageTagger } from './stage-columns.js';

const batch = makeParticleBatch({ x: new Float32Array([0, 1, 2, 3]), dim: 2, id: 0, step: 0, t: 0, label: new Int32Array([0, 1]) });

describe('isParticleBatch(value)', () => {
  it('accepts particle batches, with or without labels, and with the stage columns of the particle file', () => {
    expect(isParticleBatch(batch)).toBe(true);
    expect(isParticleBatch(makeParticleBatch({ x: new Float32Array(3), dim: 3, id: 5, step: 2, t: 0.5 }))).toBe(true);
    expect(isParticleBatch(stageTagger(['source', 'euler-maruyama'])(batch, 1))).toBe(true);
  });

  it("recognises a RecordBatch of another copy of apache-arrow by Arrow's Symbol.for tag, not instanceof", () => {
    class ForeignRecordBatch {
      readonly schema = batch.schema;
    }
    Object.defineProperty(ForeignRecordBatch.prototype, Symbol.for('apache-arrow/RecordBatch'), { value: true });
    const foreign = new ForeignRecordBatch();
    expect(Object.getPrototypeOf(foreign)).not.toBe(RecordBatch.prototype);
    expect(isParticleBatch(foreign)).toBe(true);
  });

  it('rejects other values and record batches of another layout', () => {
    for (const value of [undefined, null, 3, 'batch', {}, [batch], { schema: batch.schema }]) expect(isParticleBatch(value)).toBe(false);
    expect(isParticleBatch(tableFromArrays({ x: Float32Array.from([1, 2]) }).batches[0])).toBe(false);
  });
});

describe('checkParticleBatch(value, where)', () => {
  it('returns a particle batch as it is', () => {
    expect(checkParticleBatch(batch, 'euler-maruyama')).toBe(batch);
  });

  it('names the stage, the expected layout and what it got', () => {
    expect(() => checkParticleBatch({}, 'euler-maruyama')).toThrow(ParticleBatchError);
    expect(() => checkParticleBatch({}, 'euler-maruyama')).toThrow(
      /^euler-maruyama: expects particle batches \(id: Uint32, step: Int32, t: Float32, x: FixedSizeList<Float32>\[dim\], optional label: Int32, optional weight: Float32\); got an object of class Object, not an Arrow RecordBatch\.$/,
    );
    expect(() => checkParticleBatch(Infinity, 'hmc')).toThrow(/^hmc: .*; got Infinity, not an Arrow RecordBatch\.$/);
    const ids = Uint32Array.from([0, 1]);
    expect(() => checkParticleBatch(tableFromArrays({ id: ids, x: Float32Array.from([1, 2]) }).batches[0], 'forward')).toThrow(
      /forward: .*; column 'step' is missing \(columns: id, x\)\.$/,
    );
    const float64Times = tableFromArrays({ id: ids, step: Int32Array.from([0, 0]), t: Float64Array.from([0, 0]) }).batches[0];
    expect(() => checkParticleBatch(float64Times, 'forward')).toThrow(/column 't' must be Float32, got Float64\.$/);
  });
});
