import { shorten } from '@scoreflow/core';
import { DataFileError } from './data-file-error.js';

/** A column as options name it: its name, or its 0-based index. */
export type ColumnRef = string | number;

/** The columns of a file, as far as it names them. */
export interface FileColumns {
  /** The file, for messages. */
  readonly file: string;
  /** Column names in file order, or undefined when the file has none (a CSV file without header). */
  readonly names: readonly string[] | undefined;
  /** Number of columns. */
  readonly width: number;
}

/**
 * The 0-based index of column `ref` (a name or an index). Throws `DataFileError` naming the
 * column when the file has no such column, listing the ones it has.
 */
export function resolveColumn(columns: FileColumns, ref: ColumnRef): number {
  const { file, names, width } = columns;
  if (typeof ref === 'number') {
    if (Number.isInteger(ref) && ref >= 0 && ref < width) return ref;
    throw new DataFileError(file, `missing column: the file has ${width} columns (indices 0 to ${width - 1})`, { column: ref });
  }
  if (names === undefined) {
    throw new DataFileError(file, 'missing column: the file has no header, so name columns by 0-based index', { column: ref });
  }
  const index = names.indexOf(ref);
  if (index < 0) throw new DataFileError(file, `missing column (columns: ${names.map((name) => shorten(name)).join(', ')})`, { column: ref });
  return index;
}

/** How a column shows in messages: its name where the file has one, else its index. */
export const columnName = (columns: FileColumns, index: number): string | number => columns.names?.[index] ?? index;

/**
 * The columns that make up the particles' coordinates, in order: `selected` resolved, or, when
 * it is undefined, every column for which `usable(index)` holds but the label column. Throws
 * `DataFileError` for a missing column, a column chosen twice, the label chosen as a coordinate,
 * or a selection that leaves no column.
 */
export function coordinateColumns(
  columns: FileColumns,
  selected: readonly ColumnRef[] | undefined,
  labelIndex: number | undefined,
  usable: (index: number) => boolean = () => true,
): number[] {
  const indices =
    selected === undefined
      ? Array.from({ length: columns.width }, (_, j) => j).filter((j) => j !== labelIndex && usable(j))
      : selected.map((ref) => resolveColumn(columns, ref));
  indices.forEach((index, k) => {
    if (indices.indexOf(index) !== k) throw new DataFileError(columns.file, 'column chosen twice in columns', { column: columnName(columns, index) });
    if (index === labelIndex) throw new DataFileError(columns.file, 'the label column cannot also be a coordinate', { column: columnName(columns, index) });
  });
  if (indices.length === 0) throw new DataFileError(columns.file, 'no columns to read as coordinates');
  return indices;
}
