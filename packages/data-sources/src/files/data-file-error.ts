import { ScoreflowError, shorten } from '@scoreflow/core';

/**
 * Where in a data file a problem sits, as far as it is known: a row (1-based), a Parquet row
 * group (0-based), a column (name or 0-based index), a byte offset (0-based).
 */
export interface DataFileLocation {
  /**
   * 1-based row: the line of a CSV file (its header is row 1), the table row of an Arrow or
   * Parquet file, the image of an IDX file.
   */
  readonly row?: number;
  /** 0-based row group of a Parquet file (as pyarrow's `row_group(i)` counts them). */
  readonly rowGroup?: number;
  /** Column name, or 0-based index where the file has no names. */
  readonly column?: string | number;
  /** 0-based offset in the file of the bytes that could not be read (e.g. an Arrow IPC message). */
  readonly byte?: number;
}

/**
 * A data file cannot be read as particles. The message names the file, where (row, row group,
 * column, byte, as far as known; a column name longer than 60 characters shortened with `…`)
 * and the problem, e.g.
 * `data.csv: row 7, column 'y': non-numeric cell: expected a number, got 'abc'.` `file`, `row`,
 * `rowGroup`, `column`, `byte` and `problem` keep them apart for programs.
 */
export class DataFileError extends ScoreflowError {
  /** 1-based row of the problem, where it has one. */
  readonly row: number | undefined;
  /** Parquet row group (0-based) of the problem, where it has one. */
  readonly rowGroup: number | undefined;
  /** Column of the problem, where it has one. */
  readonly column: string | number | undefined;
  /** Byte offset (0-based) of the problem, where it has one. */
  readonly byte: number | undefined;

  constructor(
    readonly file: string,
    readonly problem: string,
    where: DataFileLocation = {},
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${locationText(where)}${problem}${/[.!?]$/.test(problem) ? '' : '.'}`, options);
    this.row = where.row;
    this.rowGroup = where.rowGroup;
    this.column = where.column;
    this.byte = where.byte;
  }
}

/** `row 7, row group 0, column 'y', byte 512: ` (the parts that are known; empty when none is). */
function locationText({ row, rowGroup, column, byte }: DataFileLocation): string {
  const parts: string[] = [];
  if (row !== undefined) parts.push(`row ${row}`);
  if (rowGroup !== undefined) parts.push(`row group ${rowGroup}`);
  if (column !== undefined) parts.push(typeof column === 'number' ? `column ${column}` : `column '${shorten(column)}'`);
  if (byte !== undefined) parts.push(`byte ${byte}`);
  return parts.length === 0 ? '' : `${parts.join(', ')}: `;
}

/** Longest message of a library's error quoted in ours, in characters. */
const REASON_LENGTH = 200;

/** The message of an error caught from a library, without its final period and at most 200 characters, to quote in parentheses. */
export const quotedReason = (error: unknown): string => shorten((error instanceof Error ? error.message : String(error)).trim().replace(/\.$/, ''), REASON_LENGTH);
