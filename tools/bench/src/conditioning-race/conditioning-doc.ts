import { readFileSync, writeFileSync } from 'node:fs';
import { formatNumber } from '../cases/race/race-doc.js';
import type { ConditioningRow } from './conditioning-row.js';

export const CONDITIONING_START = '<!-- conditioning-race:start -->';
export const CONDITIONING_END = '<!-- conditioning-race:end -->';

/**
 * The generated block of docs/conditioning.md: the setting, the noise floor of the KS distance
 * (E D_n = 0.8687 / sqrt(n) for an exact sample of n, Kolmogorov's limit) and one row per
 * contestant and budget.
 */
export function conditioningTable(rows: readonly ConditioningRow[], conditions: number, particles: number): string {
  return [
    CONDITIONING_START,
    '',
    `${conditions} conditions, ${particles.toLocaleString('en')} particles each. Noise floor: an exact sample of ${particles.toLocaleString('en')} has a mean KS distance of ${formatNumber(0.8687 / Math.sqrt(particles))} and a mode-weight error of about ${formatNumber(0.4 / Math.sqrt(particles))}.`,
    '',
    '| contestant | kind | evaluations per particle and condition | evaluations spent (all conditions) | wall s (all conditions) | mean KS distance | mean mode-weight error |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...rows.map(
      (row) =>
        `| ${row.contestant} | ${row.kind} | ${row.perParticle} | ${Math.round(row.evaluations).toLocaleString('en')} | ${formatNumber(row.seconds)} | ${formatNumber(row.ks)} | ${formatNumber(row.shareError)} |`,
    ),
    '',
    CONDITIONING_END,
  ].join('\n');
}

/** Replaces the block between the markers of `path` (docs/conditioning.md) with the table. */
export function writeConditioningDoc(path: string, rows: readonly ConditioningRow[], conditions: number, particles: number): void {
  const text = readFileSync(path, 'utf8');
  const start = text.indexOf(CONDITIONING_START);
  const end = text.indexOf(CONDITIONING_END);
  if (start < 0 || end < start) throw new Error(`conditioning-race: ${path} lacks the ${CONDITIONING_START} ... ${CONDITIONING_END} markers.`);
  writeFileSync(path, text.slice(0, start) + conditioningTable(rows, conditions, particles) + text.slice(end + CONDITIONING_END.length));
}
