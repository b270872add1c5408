import type { RecordBatch } from 'apache-arrow';
import { positionsOf } from '@scoreflow/core';
import { DataFileError } from '../data-file-error.js';
import { coordinateProblem } from '../numeric-cell.js';
import type { RowBlock } from '../row-block.js';
import { readArrowBatches } from './arrow-batches.js';
import { columnAt, numericColumn } from './arrow-columns.js';
import { labelReader } from './arrow-labels.js';
import type { ArrowLayout } from './arrow-layout.js';
import { largestStep } from './largest-step.js';

/** The checked rows of one record batch, and the problem that ended them early, if any. */
interface CheckedRows extends RowBlock {
  readonly failure?: DataFileError;
}

/**
 * Streams at most `limit` rows of an Arrow IPC file or stream (core's `readParticleBatches`,
 * one record batch at a time) as blocks of checked rows. For a particle file, only the rows
 * of the chosen snapshot step (the largest by default, found in a first pass over the file).
 * Rows in errors are 1-based rows of the whole table; the problems are a null cell, a NaN or
 * infinite coordinate, a label that is not an Int32, unreadable (e.g. truncated) Arrow data,
 * or no rows at the chosen step.
 */
export async function* readArrowRows(layout: ArrowLayout, limit: number): AsyncGenerator<RowBlock> {
  const { file, particles } = layout;
  let step = particles?.step;
  if (particles !== undefined && step === undefined && particles.stepColumn !== undefined) {
    step = await largestStep(file, particles.stepColumn);
  }
  const steps = new Set<number>();
  let rowsInFile = 0;
  let read = 0;
  for await (const { batch, firstRow } of readArrowBatches(file)) {
    const rows =
      particles === undefined
        ? columnRows(layout, batch, firstRow, limit - read)
        : snapshotRows(layout, batch, firstRow, limit - read, { x: particles.x, stepColumn: particles.stepColumn, step }, steps);
    rowsInFile = firstRow + batch.numRows;
    read += rows.rows;
    if (rows.rows > 0) yield rows;
    if (rows.failure !== undefined) throw rows.failure;
    if (read >= limit) return;
  }
  if (read === 0 && step !== undefined && rowsInFile > 0) {
    const found = [...steps].sort((a, b) => a - b).join(', ') + (steps.size >= 64 ? ', ...' : '');
    throw new DataFileError(file, `no rows at step ${step} (steps in the file: ${found})`, { column: 'step' });
  }
}

/** Checks and copies up to `max` rows of plain numeric columns, row-major. */
function columnRows(layout: ArrowLayout, batch: RecordBatch, firstRow: number, max: number): CheckedRows {
  const { file, names, coordinates, dim } = layout;
  const n = Math.min(batch.numRows, max);
  const x = new Float32Array(n * dim);
  const columns = coordinates.map((j) => numericColumn(columnAt(batch, j)));
  const labels = labelReader(layout, batch, n);
  let rows = 0;
  const done = (failure?: DataFileError): CheckedRows => ({ rows, x: x.subarray(0, rows * dim), labels: labels?.values.subarray(0, rows), failure });
  for (; rows < n; rows++) {
    const row = firstRow + rows + 1;
    for (let k = 0; k < dim; k++) {
      const column = columns[k];
      const where = { row, column: names[coordinates[k]] };
      if (!column.valid(rows)) return done(new DataFileError(file, 'null cell: expected a number', where));
      const value = column.value(rows);
      const problem = coordinateProblem(value);
      if (problem !== undefined) return done(new DataFileError(file, problem, where));
      x[rows * dim + k] = value;
    }
    const failure = labels?.read(rows, rows, row);
    if (failure !== undefined) return done(failure);
  }
  return done();
}

/** Checks and copies up to `max` rows of a particle file's `x` at `step` (all rows when it is undefined). */
function snapshotRows(
  layout: ArrowLayout,
  batch: RecordBatch,
  firstRow: number,
  max: number,
  snapshot: { readonly x: number; readonly stepColumn: number | undefined; readonly step: number | undefined },
  steps: Set<number>,
): CheckedRows {
  const { file, dim } = layout;
  const { stepColumn, step } = snapshot;
  const positions = positionsOf(batch);
  const xColumn = columnAt(batch, snapshot.x);
  const stepsOfRows = stepColumn === undefined ? undefined : numericColumn(columnAt(batch, stepColumn));
  const capacity = Math.min(batch.numRows, max);
  const x = new Float32Array(capacity * dim);
  const labels = labelReader(layout, batch, capacity);
  let rows = 0;
  const done = (failure?: DataFileError): CheckedRows => ({ rows, x: x.subarray(0, rows * dim), labels: labels?.values.subarray(0, rows), failure });
  for (let i = 0; i < batch.numRows && rows < capacity; i++) {
    if (stepsOfRows !== undefined) {
      const rowStep = stepsOfRows.value(i);
      if (steps.size < 64) steps.add(rowStep);
      if (rowStep !== step) continue;
    }
    const row = firstRow + i + 1;
    if (xColumn.nullCount > 0 && !xColumn.isValid(i)) return done(new DataFileError(file, 'null position: expected a list of numbers', { row, column: 'x' }));
    for (let k = 0; k < dim; k++) {
      const value = positions[i * dim + k];
      const problem = coordinateProblem(value);
      if (problem !== undefined) return done(new DataFileError(file, problem, { row, column: `x[${k}]` }));
      x[rows * dim + k] = value;
    }
    const failure = labels?.read(i, rows, row);
    if (failure !== undefined) return done(failure);
    rows++;
  }
  return done();
}
