import { type Data, DataType, RecordBatch, Struct, makeData } from 'apache-arrow';
import { ScoreflowError } from '../errors/scoreflow-error.js';
import { idsOf } from './accessors.js';
import type { ParticleBatch } from './particle-batch.js';

type Values = Uint32Array | Int32Array | Float32Array | Float64Array | Int8Array | Uint8Array | Int16Array | Uint16Array;

/**
 * One batch holding every row of `batches`, ordered by particle id: the batches of one snapshot
 * made whole. The batches must share one schema (as the snapshots of one run do); the result
 * keeps it, metadata included. Columns are copied (a batch owns one buffer per column);
 * primitive, FixedSizeList (`x`) and dictionary-encoded (`stage_name`, sharing one dictionary)
 * columns are supported.
 *
 * @example
 * const whole = concatParticleBatches([second, first]); // ids 0 .. n-1 in order
 */
export function concatParticleBatches(batches: readonly ParticleBatch[]): ParticleBatch {
  if (batches.length === 0) throw new RangeError('concatParticleBatches: batches must hold at least one batch, got none.');
  const schema = batches[0].schema;
  for (const batch of batches) {
    if (String(batch.schema.fields) !== String(schema.fields)) {
      throw new ScoreflowError(`concatParticleBatches: batches have different columns: ${schema.fields} and ${batch.schema.fields}.`);
    }
  }
  const n = batches.reduce((sum, batch) => sum + batch.numRows, 0);
  const order = idOrder(batches, n);
  const children = schema.fields.map((field, j) => concatColumn(field.name, batches.map((batch) => batch.data.children[j]), n, order));
  return new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: n, nullCount: 0, children }));
}

/** The row order that sorts the concatenated ids, or undefined when they are sorted already. */
function idOrder(batches: readonly ParticleBatch[], n: number): Uint32Array | undefined {
  const ids = new Uint32Array(n);
  let offset = 0;
  for (const batch of batches) {
    ids.set(idsOf(batch), offset);
    offset += batch.numRows;
  }
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) sorted = ids[i - 1] <= ids[i];
  if (sorted) return undefined;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order.sort((a, b) => ids[a] - ids[b]);
}

function concatColumn(name: string, parts: readonly Data[], n: number, order: Uint32Array | undefined): Data {
  const type = parts[0].type;
  if (DataType.isFixedSizeList(type)) {
    const width = type.listSize;
    const child = concatValues(name, parts, width, n, order, (part) => part.children[0]);
    return makeData({ type, length: n, nullCount: 0, child: primitiveData(parts[0].children[0].type, n * width, child) });
  }
  if (DataType.isDictionary(type)) {
    const dictionary = parts[0].dictionary;
    if (parts.some((part) => part.dictionary !== dictionary)) {
      throw new ScoreflowError(`concatParticleBatches: column '${name}' has a different dictionary in each batch.`);
    }
    return makeData({ type, length: n, nullCount: 0, data: concatValues(name, parts, 1, n, order), dictionary });
  }
  if (DataType.isInt(type) || DataType.isFloat(type)) return primitiveData(type, n, concatValues(name, parts, 1, n, order));
  throw new ScoreflowError(`concatParticleBatches: column '${name}' has type ${type}, which is not a particle column.`);
}

/** Data of an integer or float column around `data` (TypeScript cannot pair a runtime type with its array). */
const primitiveData = (type: DataType, length: number, data: Values): Data => makeData({ type, length, nullCount: 0, data } as never);

/** The values of `parts` (`width` per row, in `valuesOf(part)`) one after another, rows permuted by `order`. */
function concatValues(
  name: string,
  parts: readonly Data[],
  width: number,
  n: number,
  order: Uint32Array | undefined,
  valuesOf: (part: Data) => Data = (part) => part,
): Values {
  if (parts.some((part) => part.nullCount > 0)) throw new ScoreflowError(`concatParticleBatches: column '${name}' holds nulls.`);
  const first = valuesOf(parts[0]).values as Values;
  const all = new (first.constructor as new (length: number) => Values)(n * width);
  let offset = 0;
  for (const part of parts) {
    // Arrow slices value buffers with the Data (see accessors.ts): `values` starts at the first row.
    const rows = part.length * width;
    all.set((valuesOf(part).values as Values).subarray(0, rows) as never, offset);
    offset += rows;
  }
  if (order === undefined) return all;
  const out = new (first.constructor as new (length: number) => Values)(n * width);
  for (let i = 0; i < n; i++) out.set(all.subarray(order[i] * width, (order[i] + 1) * width) as never, i * width);
  return out;
}
