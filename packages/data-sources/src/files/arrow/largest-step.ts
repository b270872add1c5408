import { readArrowBatches } from './arrow-batches.js';
import { columnAt, numericColumn } from './arrow-columns.js';

/**
 * The largest value of column `stepColumn` (a particle file's `step`): the last snapshot a
 * run wrote. A pass over the whole file, one record batch at a time. Undefined when the file
 * has no rows (or only null steps).
 */
export async function largestStep(file: string, stepColumn: number): Promise<number | undefined> {
  let largest: number | undefined;
  for await (const { batch } of readArrowBatches(file)) {
    const steps = numericColumn(columnAt(batch, stepColumn));
    for (let i = 0; i < batch.numRows; i++) {
      if (steps.valid(i) && (largest === undefined || steps.value(i) > largest)) largest = steps.value(i);
    }
  }
  return largest;
}
