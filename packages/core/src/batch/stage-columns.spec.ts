import { RecordBatchReader, tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { particlesToIpc } from '../ipc/encode.js';
import { idsOf, positionsOf, stagesOf, stepsOf } from './accessors.js';
import { makeParticleBatch } from './particle-batch.js';
import { stageTagger } from './stage-columns.js';

const batch = (id: number, step: number) =>
  makeParticleBatch({ x: new Float32Array([id, 1, id + 1, 2]), dim: 2, id, step, t: step / 10, metadata: { run: 'demo', seed: 1 } });

describe('stageTagger(names)', () => {
  it('tag(batch, stage) adds stage (Int32) and stage_name (dictionary Utf8) after id, keeping the other columns without a copy', () => {
    const tag = stageTagger(['prior-flow', 'hmc']);
    const plain = batch(4, 3);
    const tagged = tag(plain, 1);
    expect(tagged.schema.fields.map((field) => `${field.name}:${field.type}`)).toEqual([
      'id:Uint32',
      'stage:Int32',
      'stage_name:Dictionary<Int32, Utf8>',
      'step:Int32',
      't:Float32',
      'x:FixedSizeList[2]<Float32>',
    ]);
    expect(tagged.schema.fields.every((field) => !field.nullable)).toBe(true);
    expect(tagged.schema.metadata.get('run')).toBe('demo');
    expect([...stagesOf(tagged)!]).toEqual([1, 1]);
    expect(tagged.getChild('stage_name')!.toArray()).toEqual(['hmc', 'hmc']);
    expect(positionsOf(tagged).buffer).toBe(positionsOf(plain).buffer);
    expect([...idsOf(tagged)]).toEqual([4, 5]);
    expect(stagesOf(plain)).toBeUndefined();
  });

  it('gives every batch one schema and one dictionary, written once to an IPC file that reads back', () => {
    const tag = stageTagger(['euler-maruyama', 'hmc', 'euler-maruyama']);
    const batches = [tag(batch(0, 0), 0), tag(batch(2, 0), 0), tag(batch(0, 5), 1), tag(batch(0, 5), 2)];
    // A writer given a batch of another schema ends the file: all 8 rows come back only if they share one.
    const bytes = particlesToIpc(batches, 'file');
    const table = tableFromIPC(bytes);
    expect(table.getChild('stage')!.toArray()).toEqual(Int32Array.from([0, 0, 0, 0, 1, 1, 2, 2]));
    expect([...table.getChild('stage_name')!]).toEqual(['euler-maruyama', 'euler-maruyama', 'euler-maruyama', 'euler-maruyama', 'hmc', 'hmc', 'euler-maruyama', 'euler-maruyama']);
    // Distinct names only (pandas' categoricals need unique categories).
    expect([...table.getChild('stage_name')!.data[0].dictionary!]).toEqual(['euler-maruyama', 'hmc']);
    const read = [...RecordBatchReader.from(bytes)];
    expect([...stepsOf(read[2])]).toEqual([5, 5]);
  });

  it('writes the same bytes for the same batches, however many taggers the process made before', () => {
    const bytes = () => particlesToIpc([stageTagger(['a', 'b'])(batch(0, 0), 1)], 'file');
    expect(Buffer.from(bytes()).equals(Buffer.from(bytes()))).toBe(true);
  });

  it('refuses a stage outside the pipeline and an empty pipeline', () => {
    const tag = stageTagger(['reverse']);
    expect(() => tag(batch(0, 0), 1)).toThrow(/stage must be an integer in 0 \.\. 0, got 1/);
    expect(() => stageTagger([])).toThrow(/at least one stage/);
  });
});
