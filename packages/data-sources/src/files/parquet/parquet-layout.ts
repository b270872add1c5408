import { type FileMetaData, type SchemaElement, parquetSchema } from 'hyparquet';
import { type ColumnRef, type FileColumns, coordinateColumns, resolveColumn } from '../column-selection.js';
import { DataFileError, quotedReason } from '../data-file-error.js';

/** Which columns of a Parquet file become the particles. */
export interface ParquetLayout extends FileColumns {
  readonly names: readonly string[];
  readonly metadata: FileMetaData;
  /** Indices (among the top-level columns) of the coordinate columns, in order. */
  readonly coordinates: readonly number[];
  /** Index of the integer label column, if any. */
  readonly label: number | undefined;
}

/** Physical types that hold numbers. */
const NUMERIC_TYPES = new Set(['INT32', 'INT64', 'FLOAT', 'DOUBLE']);
/** Annotations that make numbers into something else (dates, times). */
const NOT_NUMBERS = new Set(['DATE', 'TIME', 'TIME_MILLIS', 'TIME_MICROS', 'TIMESTAMP', 'TIMESTAMP_MILLIS', 'TIMESTAMP_MICROS', 'INTERVAL']);

/** Whether a top-level column holds one plain number per row (an integer or a float, not a date). */
function isNumeric(element: SchemaElement, leaf: boolean): boolean {
  return (
    leaf &&
    element.repetition_type !== 'REPEATED' &&
    NUMERIC_TYPES.has(element.type ?? '') &&
    !NOT_NUMBERS.has(element.converted_type ?? '') &&
    !NOT_NUMBERS.has(element.logical_type?.type ?? '')
  );
}

/** A column's type in words, for messages: `BYTE_ARRAY (UTF8)`, `a group of 2 columns`. */
function typeText(element: SchemaElement, leaf: boolean): string {
  if (!leaf) return `a group of ${element.num_children ?? 0} columns`;
  const annotation = element.logical_type?.type ?? element.converted_type;
  return `${element.type}${annotation === undefined ? '' : ` (${annotation})`}`;
}

/** The schema tree of the footer's flat schema list; a damaged list (wrong child counts) is a `DataFileError`. */
function schemaOf(file: string, metadata: FileMetaData): ReturnType<typeof parquetSchema> {
  try {
    return parquetSchema(metadata);
  } catch (error) {
    throw new DataFileError(file, `unreadable Parquet schema (${quotedReason(error)})`, {}, { cause: error });
  }
}

/**
 * Decides which top-level columns of a Parquet file become coordinates (`columns`, or every
 * numeric column but the label) and labels (`label`, an integer column). Throws `DataFileError`
 * for a missing column, a non-numeric coordinate column or a non-integer label column.
 */
export function parquetLayout(file: string, metadata: FileMetaData, options: { readonly columns?: readonly ColumnRef[]; readonly label?: ColumnRef }): ParquetLayout {
  const top = schemaOf(file, metadata).children;
  const names = top.map((child) => (typeof child.element.name === 'string' ? child.element.name : ''));
  const numeric = top.map((child) => isNumeric(child.element, child.children.length === 0));
  const columns = { file, names, width: names.length };
  const label = options.label === undefined ? undefined : resolveColumn(columns, options.label);
  if (label !== undefined && !(numeric[label] && /^INT(32|64)$/.test(top[label].element.type ?? ''))) {
    throw new DataFileError(file, `the label column holds ${typeText(top[label].element, top[label].children.length === 0)}, not integers`, { column: names[label] });
  }
  const coordinates = coordinateColumns(columns, options.columns, label, (j) => numeric[j]);
  for (const j of coordinates) {
    if (!numeric[j]) throw new DataFileError(file, `not a numeric column (it holds ${typeText(top[j].element, top[j].children.length === 0)})`, { column: names[j] });
  }
  return { ...columns, metadata, coordinates, label };
}
