import { ScoreflowError } from '@scoreflow/core';

/** Where in a data file a problem sits: a row (1-based) and/or a column (name or 0-based index). */
export interface DataFileLocation {
  /**
   * 1-based row: the line of a CSV file (its header is row 1), the table row of an Arrow or
   * Parquet file, the image of an IDX file.
   */
  readonly row?: number;
  /** Column name, or 0-based index where the file has no names. */
  readonly column?: string | number;
}

/**
 * A data file cannot be read as particles. The message names the file, the row and/or column,
 * and the problem, e.g. `data.csv: row 7, column 'y': non-numeric cell 'abc' (expected a number).`
 * `file`, `row`, `column` and `problem` keep them apart for programs.
 */
export class DataFileError extends ScoreflowError {
  /** 1-based row of the problem, where it has one. */
  readonly row: number | undefined;
  /** Column of the problem, where it has one. */
  readonly column: string | number | undefined;

  constructor(
    readonly file: string,
    readonly problem: string,
    where: DataFileLocation = {},
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${locationText(where)}${problem}${/[.!?]$/.test(problem) ? '' : '.'}`, options);
    this.row = where.row;
    this.column = where.column;
  }
}

/** `row 7, column 'y': ` (or the part that is known; empty when neither is). */
function locationText({ row, column }: DataFileLocation): string {
  const parts: string[] = [];
  if (row !== undefined) parts.push(`row ${row}`);
  if (column !== undefined) parts.push(typeof column === 'number' ? `column ${column}` : `column '${column}'`);
  return parts.length === 0 ? '' : `${parts.join(', ')}: `;
}

/** The message of an error caught from a library, without its final period, to quote in parentheses. */
export const quotedReason = (error: unknown): string => (error instanceof Error ? error.message : String(error)).trim().replace(/\.$/, '');
