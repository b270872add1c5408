import { existsSync, readFileSync } from 'node:fs';
import { ScoreflowError } from '@scoreflow/core';
import { writeFileAtomic } from '@scoreflow/core/node';

/** The loss of every training step: the step's own and its moving average (`LossAverage`). */
export interface LossHistory {
  readonly step: number[];
  readonly loss: number[];
  readonly average: number[];
}

/** The file of a training's loss history in its output folder. */
export const LOSS_CSV = 'loss.csv';

const HEADER = 'step,loss,average';

/** An empty history. */
export const emptyLossHistory = (): LossHistory => ({ step: [], loss: [], average: [] });

/**
 * The history saved in `file` up to step `until` (a resumed run continues the checkpoint's step,
 * which later rows, written after it, would contradict); empty when there is no file.
 */
export function readLossHistory(file: string, until: number): LossHistory {
  const history = emptyLossHistory();
  if (!existsSync(file)) return history;
  const [header, ...rows] = readFileSync(file, 'utf8').trim().split('\n');
  if (header !== HEADER) throw new ScoreflowError(`${file}: expected the header '${HEADER}', got '${header}'.`);
  for (const row of rows) {
    const [step, loss, average] = row.split(',').map(Number);
    if (step === undefined || loss === undefined || average === undefined || !Number.isInteger(step)) throw new ScoreflowError(`${file}: bad row '${row}'.`);
    if (step > until) break;
    history.step.push(step);
    history.loss.push(loss);
    history.average.push(average);
  }
  return history;
}

/** Writes `history` to `file` through a temporary file and a rename (never half a file, never through a link). */
export function writeLossHistory(file: string, history: LossHistory): void {
  const lines = history.step.map((step, i) => `${step},${history.loss[i]},${history.average[i]}`);
  writeFileAtomic(file, `${[HEADER, ...lines].join('\n')}\n`);
}
