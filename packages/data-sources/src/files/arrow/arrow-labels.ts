import type { RecordBatch } from 'apache-arrow';
import { DataFileError } from '../data-file-error.js';
import { labelProblem } from '../numeric-cell.js';
import { columnAt, numericColumn } from './arrow-columns.js';
import type { ArrowLayout } from './arrow-layout.js';

/** Copies checked labels of one record batch into `values`. */
export interface LabelReader {
  /** The labels copied so far (`capacity` entries). */
  readonly values: Int32Array;
  /** Copies the label of batch row `i` to `values[at]`; returns the problem (`row` is its table row), if any. */
  read(i: number, at: number, row: number): DataFileError | undefined;
}

/** A `LabelReader` for the layout's label column in `batch`, or undefined when the layout has none. */
export function labelReader(layout: ArrowLayout, batch: RecordBatch, capacity: number): LabelReader | undefined {
  const { file, names, label } = layout;
  if (label === undefined) return undefined;
  const column = numericColumn(columnAt(batch, label));
  const values = new Int32Array(capacity);
  return {
    values,
    read(i: number, at: number, row: number): DataFileError | undefined {
      const where = { row, column: names[label] };
      if (!column.valid(i)) return new DataFileError(file, 'null label cell: expected an integer', where);
      const value = column.value(i);
      const problem = labelProblem(value);
      if (problem !== undefined) return new DataFileError(file, problem, where);
      values[at] = value;
      return undefined;
    },
  };
}
