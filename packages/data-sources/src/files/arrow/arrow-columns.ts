import { DataType, Precision, type RecordBatch, type Vector } from 'apache-arrow';

/** One numeric column of a record batch, read cell by cell as JavaScript numbers. */
export interface NumericColumn {
  /** The value of row `i` (Int64 as the nearest number). */
  value(i: number): number;
  /** Whether row `i` holds a value (not null). */
  valid(i: number): boolean;
}

/**
 * Reads an integer or floating-point Arrow column without copying: the typed array of its
 * values (64-bit integers converted per cell, half floats decoded by Arrow), and its validity
 * where it has nulls.
 */
export function numericColumn(vector: Vector): NumericColumn {
  const valid = vector.nullCount > 0 ? (i: number) => vector.isValid(i) : () => true;
  if (DataType.isFloat(vector.type) && vector.type.precision === Precision.HALF) {
    return { value: (i) => vector.get(i) as number, valid };
  }
  const values = vector.toArray() as ArrayLike<number | bigint>;
  if (values instanceof BigInt64Array || values instanceof BigUint64Array) return { value: (i) => Number(values[i]), valid };
  return { value: (i) => values[i] as number, valid };
}

/** Column `index` of a batch; throws when it has none (layouts come from the file's schema, so it has). */
export function columnAt(batch: RecordBatch, index: number): Vector {
  const column = batch.getChildAt(index);
  if (column === null) throw new Error(`Arrow batch has no column ${index}`);
  return column;
}
