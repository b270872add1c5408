import { ScoreflowError } from '@scoreflow/core';

/** The loss of every training step: the step's own and its moving average (`LossAverage`). */
export interface LossHistory {
  readonly step: number[];
  readonly loss: number[];
  readonly average: number[];
}

/** The header of a loss history as CSV. */
export const LOSS_CSV_HEADER = 'step,loss,average';

/** An empty history. */
export const emptyLossHistory = (): LossHistory => ({ step: [], loss: [], average: [] });

/** `history` as CSV: the header `step,loss,average`, then one row per step. */
export function lossHistoryCsv(history: LossHistory): string {
  const lines = history.step.map((step, i) => `${step},${history.loss[i]},${history.average[i]}`);
  return `${[LOSS_CSV_HEADER, ...lines].join('\n')}\n`;
}

/**
 * The history in `csv` (as `lossHistoryCsv` writes it) up to step `until`: a resumed training
 * continues the checkpoint's step, which later rows, written after it, would contradict.
 * `source` names the text in errors (a file).
 */
export function parseLossHistory(csv: string, until: number, source: string): LossHistory {
  const history = emptyLossHistory();
  const [header, ...rows] = csv.trim().split('\n');
  if (header !== LOSS_CSV_HEADER) throw new ScoreflowError(`${source}: expected the header '${LOSS_CSV_HEADER}', got '${header}'.`);
  for (const row of rows) {
    const [step, loss, average] = row.split(',').map(Number);
    if (step === undefined || loss === undefined || average === undefined || !Number.isInteger(step)) throw new ScoreflowError(`${source}: bad row '${row}'.`);
    if (step > until) break;
    history.step.push(step);
    history.loss.push(loss);
    history.average.push(average);
  }
  return history;
}
