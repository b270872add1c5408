import { type Data, DataType, type RecordBatch } from 'apache-arrow';

/**
 * What is wrong with the shape of a decoded record batch, or undefined when it holds what it
 * says. Arrow takes a batch's row count, its columns' lengths and its buffers from the message
 * as they are: a flipped byte in a length gives a batch of two billion rows over buffers of a
 * few hundred bytes (reading it would loop for minutes over values that are not there). Here
 * every column must have the batch's row count, and every column, recursively, buffers that
 * hold its values: a validity bitmap for its nulls, fixed-width values (numbers, booleans,
 * dictionary indices), offsets of variable-width values, children of lists (`listSize` per row).
 *
 * @example
 * batchShapeProblem(batch); // "column 'x' holds 60 values for 1979711518 rows"
 */
export function batchShapeProblem(batch: RecordBatch): string | undefined {
  const rows = batch.numRows;
  const columns = batch.data.children;
  for (let k = 0; k < batch.schema.fields.length; k++) {
    const name = batch.schema.fields[k].name;
    const column = columns[k];
    if (column === undefined) return `column '${name}' is missing from the batch`;
    if (column.length !== rows) return `column '${name}' holds ${column.length} values for ${rows} rows`;
    const problem = dataProblem(column);
    if (problem !== undefined) return `column '${name}': ${problem}`;
  }
  return undefined;
}

/** Whether the buffers of one column's data hold its `length` values (from its `offset`). */
function dataProblem(data: Data): string | undefined {
  const { type, length, offset } = data;
  const end = offset + length;
  if (data.nullCount > 0 && (data.nullBitmap?.length ?? 0) < Math.ceil(end / 8)) return `a validity bitmap too short for ${length} values`;
  if (DataType.isFixedSizeList(type)) {
    const child = data.children[0];
    if (child === undefined || child.length < end * type.listSize) return `lists of ${type.listSize} for ${length} rows, but ${child?.length ?? 0} values`;
    return dataProblem(child);
  }
  if (DataType.isBool(type)) return (data.values?.length ?? 0) < Math.ceil(end / 8) ? `${length} booleans in ${data.values?.length ?? 0} bytes` : undefined;
  if (DataType.isInt(type) || DataType.isFloat(type) || DataType.isDictionary(type)) {
    return (data.values?.length ?? 0) < end * data.stride ? `${length} values in a buffer of ${data.values?.length ?? 0}` : undefined;
  }
  if (DataType.isUtf8(type) || DataType.isBinary(type)) {
    return (data.valueOffsets?.length ?? 0) < end + 1 ? `${length} values with ${data.valueOffsets?.length ?? 0} offsets` : undefined;
  }
  return undefined;
}
