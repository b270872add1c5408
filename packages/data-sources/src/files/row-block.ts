/** Consecutive rows of a data file, checked and converted: what file readers yield. */
export interface RowBlock {
  /** Number of rows. */
  readonly rows: number;
  /** Positions, row-major: `rows * dim` finite Float32 values. */
  readonly x: Float32Array;
  /** One label per row, where the source has labels. */
  readonly labels?: Int32Array;
}

/**
 * Reads at most `limit` rows of a file, in file order, as blocks of any size. Every yielded row
 * is checked: at a bad row the reader yields the good rows before it, then throws a
 * `DataFileError` naming the file, the row or column and the problem. So the batches before
 * the bad row's batch are emitted, whatever the block sizes, and that batch never is.
 * Stopping the iteration early (`return()`) must release the file.
 */
export type RowBlockReader = (limit: number) => AsyncIterable<RowBlock>;
