import { DataType, type Field, type RecordBatch, type Schema, type Vector } from 'apache-arrow';
import type { ColumnSource, ParquetWriter } from 'hyparquet-writer';

/** A Parquet schema element (parquet-format's SchemaElement), as hyparquet-writer takes it. */
export type ParquetSchemaElement = ConstructorParameters<typeof ParquetWriter>[0]['schema'][number];

/** One column's values of a row group, as hyparquet-writer takes them. */
export type ColumnValues = ColumnSource['data'];

const repetition = (field: Field): 'OPTIONAL' | 'REQUIRED' => (field.nullable ? 'OPTIONAL' : 'REQUIRED');

/** The Parquet leaf for an Arrow primitive type, or undefined when there is none here. */
function leafOf(type: DataType): Omit<ParquetSchemaElement, 'name' | 'repetition_type'> | undefined {
  if (DataType.isFloat(type)) return { type: type.precision === 1 ? 'FLOAT' : 'DOUBLE' };
  if (DataType.isBool(type)) return { type: 'BOOLEAN' };
  if (DataType.isUtf8(type) || (DataType.isDictionary(type) && DataType.isUtf8(type.dictionary))) return { type: 'BYTE_ARRAY', converted_type: 'UTF8' };
  if (DataType.isInt(type) && type.bitWidth <= 32) {
    if (type.bitWidth === 32 && type.isSigned) return { type: 'INT32' };
    return { type: 'INT32', converted_type: `${type.isSigned ? 'INT' : 'UINT'}_${type.bitWidth}` as ParquetSchemaElement['converted_type'] };
  }
  return undefined;
}

/**
 * The Parquet schema of a particle schema: Arrow's Int8-32 and Uint8-32, Float32/64, Bool and
 * Utf8 (plain or dictionary-encoded) map to Parquet's INT32 (with its converted type), FLOAT,
 * DOUBLE, BOOLEAN and UTF8 strings; `FixedSizeList` of one of those (`x`) to a LIST (three-level,
 * as the Parquet spec writes lists). Non-nullable fields are REQUIRED. Other types are an error
 * naming the column.
 */
export function parquetSchemaOf(schema: Schema): ParquetSchemaElement[] {
  const elements: ParquetSchemaElement[] = [{ name: 'root', num_children: schema.fields.length }];
  for (const field of schema.fields) {
    const { type } = field;
    if (DataType.isFixedSizeList(type)) {
      const item = leafOf(type.children[0].type);
      if (item !== undefined) {
        elements.push(
          { name: field.name, repetition_type: repetition(field), converted_type: 'LIST', num_children: 1 },
          { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
          { name: 'element', repetition_type: 'REQUIRED', ...item },
        );
        continue;
      }
    }
    const leaf = leafOf(type);
    if (leaf === undefined) throw new Error(`Parquet output: column '${field.name}' has the Arrow type ${type}, which is not written as Parquet here.`);
    elements.push({ name: field.name, repetition_type: repetition(field), ...leaf });
  }
  return elements;
}

/** The values of one column of `batch` for hyparquet-writer: typed arrays where possible, rows of lists as arrays. */
export function columnValues(batch: RecordBatch, index: number): ColumnValues {
  const field = batch.schema.fields[index];
  const vector = batch.getChildAt(index) as Vector;
  if (DataType.isFixedSizeList(field.type)) {
    const size = field.type.listSize;
    const data = vector.data[0];
    const values = data.children[0].values as ArrayLike<number>;
    const offset = data.children[0].offset + data.offset * size;
    const rows: (number[] | null)[] = new Array(batch.numRows);
    for (let i = 0; i < batch.numRows; i++) rows[i] = vector.isValid(i) ? Array.from({ length: size }, (_, k) => values[offset + i * size + k]) : null;
    return rows;
  }
  if (vector.nullCount === 0 && (DataType.isInt(field.type) || DataType.isFloat(field.type))) return vector.toArray() as ColumnValues;
  return Array.from(vector) as ColumnValues;
}
