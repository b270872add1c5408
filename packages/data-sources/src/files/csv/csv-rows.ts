import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { type FileColumns, columnName } from '../column-selection.js';
import { DataFileError, quotedReason } from '../data-file-error.js';
import { accessProblem } from '../file-access.js';
import { parseCoordinate, parseLabel } from '../numeric-cell.js';
import type { RowBlock } from '../row-block.js';

/** Rows per block handed on: small enough to stop soon, large enough to amortise the yield. */
const BLOCK_ROWS = 4096;

/** Where the coordinates and the label of a CSV file's rows are. */
export interface CsvLayout extends FileColumns {
  readonly delimiter: string;
  /** Whether the first record is a header (skipped). */
  readonly header: boolean;
  /** Indices of the coordinate columns, in order. */
  readonly coordinates: readonly number[];
  /** Index of the label column, if any. */
  readonly label: number | undefined;
}

/**
 * Streams at most `limit` data rows of a CSV file (csv-parse over `fs.createReadStream`) as
 * blocks of checked rows. Rows in errors are 1-based and count the header and blank lines, so
 * they are line numbers (unless a quoted cell spans lines). Errors: a ragged row (not as many
 * cells as the first record), an empty, non-numeric, NaN or infinite cell, a label that is not
 * an integer, or text the CSV parser rejects. Blank lines are skipped.
 */
export async function* readCsvRows(layout: CsvLayout, limit: number): AsyncGenerator<RowBlock> {
  const { file, coordinates, label } = layout;
  const dim = coordinates.length;
  const blockRows = Math.min(limit, BLOCK_ROWS);
  const input = createReadStream(file, { highWaterMark: 1 << 20 });
  // Blank lines come through as [''] records and are skipped here: csv-parse's `info` (line
  // numbers) would triple the parsing time, and counting records gives the lines as well.
  const parser = parse({ delimiter: layout.delimiter, bom: true, relax_column_count: true });
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);

  let x = new Float32Array(blockRows * dim);
  let labels = label === undefined ? undefined : new Int32Array(blockRows);
  let rows = 0;
  let read = 0;
  let skipHeader = layout.header;
  let row = 0;
  let failure: DataFileError | undefined;
  const block = (): RowBlock => ({ rows, x: x.subarray(0, rows * dim), labels: labels?.subarray(0, rows) });
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row++;
      if (record.length === 1 && record[0].trim() === '') continue;
      if (skipHeader) {
        skipHeader = false;
        continue;
      }
      failure = readRow(layout, record, row, x.subarray(rows * dim, (rows + 1) * dim), labels, rows);
      if (failure !== undefined) break;
      rows++;
      read++;
      if (read === limit) break;
      if (rows === blockRows) {
        yield block();
        x = new Float32Array(blockRows * dim);
        labels = labels === undefined ? undefined : new Int32Array(blockRows);
        rows = 0;
      }
    }
  } catch (error) {
    failure = asDataFileError(file, error);
  } finally {
    input.destroy();
    parser.destroy();
  }
  // The good rows before a bad one still make their (full) batches.
  if (rows > 0) yield block();
  if (failure !== undefined) throw failure;
}

/** Checks one record and writes its coordinates to `x` and its label to `labels[at]`; returns the problem, if any. */
function readRow(layout: CsvLayout, record: readonly string[], row: number, x: Float32Array, labels: Int32Array | undefined, at: number): DataFileError | undefined {
  const { file, width, coordinates, label } = layout;
  if (record.length !== width) {
    const reference = layout.header ? 'the header' : 'the first row';
    return new DataFileError(file, `ragged row: ${record.length} cells, expected ${width} as in ${reference} (wrong dimension)`, { row });
  }
  for (let j = 0; j < coordinates.length; j++) {
    const value = parseCoordinate(record[coordinates[j]]);
    if (typeof value === 'string') return new DataFileError(file, value, { row, column: columnName(layout, coordinates[j]) });
    x[j] = value;
  }
  if (labels !== undefined && label !== undefined) {
    const value = parseLabel(record[label]);
    if (typeof value === 'string') return new DataFileError(file, value, { row, column: columnName(layout, label) });
    labels[at] = value;
  }
  return undefined;
}

/** A `DataFileError` for whatever reading `file` threw: csv-parse's errors keep their line. */
function asDataFileError(file: string, error: unknown): DataFileError {
  if (error instanceof DataFileError) return error;
  const { code, lines } = error as { code?: string; lines?: number };
  if (typeof code === 'string' && code.startsWith('CSV_')) {
    return new DataFileError(file, `not readable as CSV (${quotedReason(error)})`, { row: lines }, { cause: error });
  }
  return new DataFileError(file, accessProblem(error), {}, { cause: error });
}
