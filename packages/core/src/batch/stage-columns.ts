import { Dictionary, Field, Int32, RecordBatch, Schema, Struct, Utf8, makeData, vectorFromArray } from 'apache-arrow';
import type { Data } from 'apache-arrow';
import type { ParticleBatch } from './particle-batch.js';

/** The columns `stageTagger` adds, after `id`: the stage's index (from 0) and its name. */
export const STAGE_COLUMNS = ['stage', 'stage_name'] as const;

/** Adds the stage columns to a batch of stage `stage` (see `stageTagger`). */
export type StageTagger = (batch: ParticleBatch, stage: number) => ParticleBatch;

/**
 * `stageTagger(names)` returns `tag(batch, stage)`: the batch with two more columns after `id`,
 * `stage` (Int32, the stage's index in the pipeline, from 0, as in the config path `pipeline.0`)
 * and `stage_name` (Utf8, dictionary-encoded: `names[stage]`; pyarrow reads it as a
 * DictionaryArray, pandas as a categorical, polars as a Categorical). The other columns are kept
 * as they are (no copy). Every batch tagged by one tagger shares one dictionary (the distinct
 * names, in pipeline order), so that an Arrow IPC file holds it once and all batches keep one
 * schema.
 *
 * @example
 * const tag = stageTagger(['euler-maruyama', 'hmc']);
 * writer.write(tag(batch, 1)); // rows with stage = 1, stage_name = 'hmc'
 */
export function stageTagger(names: readonly string[]): StageTagger {
  if (names.length === 0) throw new RangeError('stageTagger: names must name at least one stage, got [].');
  const distinct = [...new Set(names)];
  const codes = names.map((name) => distinct.indexOf(name));
  // A fixed dictionary id (Arrow JS counts ids up per process otherwise): one seed, one file, byte for byte.
  const nameType = new Dictionary(new Utf8(), new Int32(), 0);
  const dictionary = vectorFromArray(distinct, new Utf8());
  // The tagged schema of the last input schema (the batches of a run share one): built once, not per batch.
  let cached: { readonly input: Schema; readonly tagged: Schema } | undefined;
  const taggedSchema = (input: Schema): Schema => {
    if (cached?.input !== input) {
      const fields = [...input.fields];
      fields.splice(idPosition(input) + 1, 0, new Field('stage', new Int32(), false), new Field('stage_name', nameType, false));
      cached = { input, tagged: new Schema(fields, new Map(input.metadata)) };
    }
    return cached.tagged;
  };
  return (batch, stage) => {
    if (!Number.isInteger(stage) || stage < 0 || stage >= names.length) {
      throw new RangeError(`stageTagger: stage must be an integer in 0 .. ${names.length - 1}, got ${stage}.`);
    }
    const n = batch.numRows;
    const schema = taggedSchema(batch.schema);
    const children: Data[] = [...batch.data.children];
    children.splice(
      idPosition(batch.schema) + 1,
      0,
      makeData({ type: new Int32(), length: n, nullCount: 0, data: new Int32Array(n).fill(stage) }),
      makeData({ type: nameType, length: n, nullCount: 0, data: new Int32Array(n).fill(codes[stage]), dictionary }),
    );
    return new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: n, nullCount: 0, children }));
  };
}

/** Index of the `id` column (-1 when there is none: the stage columns go first). */
const idPosition = (schema: Schema): number => schema.fields.findIndex((field) => field.name === 'id');
