import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from '@scoreflow/core/node';
import { type LossHistory, emptyLossHistory, lossHistoryCsv, parseLossHistory } from '../../session/loss-history.js';

/**
 * The history saved in `file` up to step `until` (`parseLossHistory`: a resumed training
 * continues the checkpoint's step); empty when there is no file.
 */
export function readLossHistory(file: string, until: number): LossHistory {
  return existsSync(file) ? parseLossHistory(readFileSync(file, 'utf8'), until, file) : emptyLossHistory();
}

/** Writes `history` to `file` as CSV through a temporary file and a rename (never half a file, never through a link). */
export function writeLossHistory(file: string, history: LossHistory): void {
  writeFileAtomic(file, lossHistoryCsv(history));
}
