import { Float64, Field, RecordBatch, Schema, Struct, makeData } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { particlesFromIpc, particlesToIpc } from '../ipc/encode.js';
import { weightsOf } from './accessors.js';
import { concatParticleBatches } from './concat-batches.js';
import { checkParticleBatch, isParticleBatch } from './is-particle-batch.js';
import { makeParticleBatch } from './particle-batch.js';

const init = { x: new Float32Array([0, 1, 2, 3, 4, 5]), dim: 2, id: 0, step: 3, t: 0.5, metadata: { run: 'w', seed: 1 } };

describe('the optional weight column', () => {
  it('makeParticleBatch({ weight }) adds a non-nullable Float32 `weight` column that weightsOf hands back without copying', () => {
    const weight = new Float32Array([0.2, 0.3, 0.5]);
    const batch = makeParticleBatch({ ...init, label: new Int32Array(3), weight });
    expect(batch.schema.fields.map((field) => `${field.name}:${field.type}:${field.nullable}`)).toEqual([
      'id:Uint32:false',
      'step:Int32:false',
      't:Float32:false',
      'x:FixedSizeList[2]<Float32>:false',
      'label:Int32:false',
      'weight:Float32:false',
    ]);
    expect(weightsOf(batch)?.buffer).toBe(weight.buffer);
    expect(isParticleBatch(batch)).toBe(true);
  });

  it('without a weight the batch has no weight column and its IPC bytes are those of a batch that never knew one', () => {
    const plain = makeParticleBatch(init);
    expect(plain.schema.fields.map((field) => field.name)).toEqual(['id', 'step', 't', 'x']);
    expect(weightsOf(plain)).toBeUndefined();
    const weighted = makeParticleBatch({ ...init, weight: new Float32Array(3).fill(1 / 3) });
    // A weighted batch made first does not leak its column into the cached plain schema.
    expect(weighted.schema.fields.map((field) => field.name)).toEqual(['id', 'step', 't', 'x', 'weight']);
    expect(particlesToIpc([makeParticleBatch(init)])).toEqual(particlesToIpc([plain]));
  });

  it('survives an IPC round trip and concatParticleBatches, ordered by id', () => {
    const first = makeParticleBatch({ ...init, id: 3, weight: new Float32Array([0.1, 0.2, 0.3]) });
    const second = makeParticleBatch({ ...init, id: 0, weight: new Float32Array([0.4, 0.5, 0.6]) });
    const whole = concatParticleBatches([first, second]);
    expect(Array.from(weightsOf(whole) ?? [])).toEqual(Array.from(new Float32Array([0.4, 0.5, 0.6, 0.1, 0.2, 0.3])));
    const [back] = particlesFromIpc(particlesToIpc([whole]));
    expect(Array.from(weightsOf(back) ?? [])).toEqual(Array.from(weightsOf(whole) ?? []));
  });

  it('checkParticleBatch rejects a weight column of another type, naming it', () => {
    const batch = makeParticleBatch(init);
    const fields = [...batch.schema.fields, new Field('weight', new Float64(), false)];
    const schema = new Schema(fields, batch.schema.metadata);
    const data = makeData({ type: new Struct(fields), length: 3, nullCount: 0, children: [...batch.data.children, makeData({ type: new Float64(), length: 3, nullCount: 0, data: new Float64Array(3) })] });
    expect(() => checkParticleBatch(new RecordBatch(schema, data), 'smc')).toThrow(/column 'weight' must be Float32, got Float64/);
  });
});
