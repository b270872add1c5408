import { type AsyncBuffer, type ColumnData, asyncBufferFromFile, parquetRead } from 'hyparquet';
import { DataFileError, quotedReason } from '../data-file-error.js';
import { accessProblem } from '../file-access.js';
import { coordinateProblem, labelProblem } from '../numeric-cell.js';
import type { RowBlock } from '../row-block.js';
import type { ParquetLayout } from './parquet-layout.js';

/** One column of a row group: values as numbers, and which rows hold none. */
interface GroupColumn {
  readonly values: Float64Array;
  /** 0: a number; 1: null (or not read); 2: not a number. */
  readonly state: Uint8Array;
}

/**
 * Streams at most `limit` rows of a Parquet file as blocks of checked rows, reading one row
 * group at a time with hyparquet (only the chosen columns, never the whole file). Rows in
 * errors are 1-based table rows; the problems are a null cell, a NaN or infinite value, a
 * label that is not an Int32, or unreadable Parquet data (with its row group, 0-based).
 */
export async function* readParquetRows(layout: ParquetLayout, limit: number): AsyncGenerator<RowBlock> {
  const { file, metadata } = layout;
  let buffer: AsyncBuffer;
  try {
    buffer = await asyncBufferFromFile(file);
  } catch (error) {
    throw new DataFileError(file, accessProblem(error), {}, { cause: error });
  }
  let groupStart = 0;
  let read = 0;
  for (const [index, group] of metadata.row_groups.entries()) {
    const groupRows = Number(group.num_rows);
    const take = Math.min(groupRows, limit - read);
    if (take > 0) {
      const columns = await readRowGroup(layout, buffer, { index, start: groupStart }, take);
      const rows = checkRows(layout, columns, groupStart, take);
      read += rows.rows;
      if (rows.rows > 0) yield rows;
      if (rows.failure !== undefined) throw rows.failure;
      if (read >= limit) return;
    }
    groupStart += groupRows;
  }
}

/** Reads the first `take` rows of row group `group.index` (its first row is table row `group.start`, 0-based), the layout's columns only. */
async function readRowGroup(layout: ParquetLayout, buffer: AsyncBuffer, group: { readonly index: number; readonly start: number }, take: number): Promise<Map<string, GroupColumn>> {
  const { file, names, metadata, coordinates, label } = layout;
  const groupStart = group.start;
  const wanted = [...coordinates, ...(label === undefined ? [] : [label])].map((j) => names[j]);
  const columns = new Map(wanted.map((name) => [name, { values: new Float64Array(take), state: new Uint8Array(take).fill(1) }]));
  const place = ({ columnName, columnData, rowStart }: ColumnData) => {
    const column = columns.get(columnName);
    if (column === undefined) return;
    for (let k = Math.max(0, groupStart - rowStart); k < columnData.length; k++) {
      const i = rowStart + k - groupStart;
      if (i >= take) break;
      const value: unknown = columnData[k];
      if (typeof value === 'number' || typeof value === 'bigint') {
        column.values[i] = Number(value);
        column.state[i] = 0;
      } else column.state[i] = value == null ? 1 : 2;
    }
  };
  try {
    await parquetRead({ file: buffer, metadata, columns: wanted, rowStart: groupStart, rowEnd: groupStart + take, onChunk: place });
  } catch (error) {
    throw new DataFileError(file, `unreadable Parquet data (${quotedReason(error)})`, { row: groupStart + 1, rowGroup: group.index }, { cause: error });
  }
  return columns;
}

/** Checks the rows of a row group in order and copies them row-major, up to the first bad one. */
function checkRows(layout: ParquetLayout, columns: Map<string, GroupColumn>, groupStart: number, take: number): RowBlock & { failure?: DataFileError } {
  const { file, names, coordinates, label } = layout;
  const dim = coordinates.length;
  const coordinateColumns = coordinates.map((j) => columns.get(names[j]) as GroupColumn);
  const labelColumn = label === undefined ? undefined : (columns.get(names[label]) as GroupColumn);
  const x = new Float32Array(take * dim);
  const labels = labelColumn === undefined ? undefined : new Int32Array(take);
  let rows = 0;
  const done = (failure?: DataFileError) => ({ rows, x: x.subarray(0, rows * dim), labels: labels?.subarray(0, rows), failure });
  for (; rows < take; rows++) {
    const row = groupStart + rows + 1;
    for (let k = 0; k < dim; k++) {
      const { values, state } = coordinateColumns[k];
      const where = { row, column: names[coordinates[k]] };
      if (state[rows] !== 0) return done(new DataFileError(file, state[rows] === 1 ? 'null cell: expected a number' : 'non-numeric cell: expected a number', where));
      const problem = coordinateProblem(values[rows]);
      if (problem !== undefined) return done(new DataFileError(file, problem, where));
      x[rows * dim + k] = values[rows];
    }
    if (labels !== undefined && labelColumn !== undefined && label !== undefined) {
      const where = { row, column: names[label] };
      if (labelColumn.state[rows] !== 0) return done(new DataFileError(file, 'null label cell: expected an integer', where));
      const problem = labelProblem(labelColumn.values[rows]);
      if (problem !== undefined) return done(new DataFileError(file, problem, where));
      labels[rows] = labelColumn.values[rows];
    }
  }
  return done();
}
