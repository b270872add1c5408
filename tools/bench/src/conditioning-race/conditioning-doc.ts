import { readFileSync, writeFileSync } from 'node:fs';
import { formatNumber } from '../cases/race/race-doc.js';
import type { ConditioningRow } from './conditioning-row.js';
import type { RaceProblem } from './race-problem.js';

/** The markers of a problem's block in docs/conditioning.md: `conditioning-race` (two-mode), `conditioning-race-banana`. */
export function conditioningMarkers(problem: Pick<RaceProblem, 'name'>): { start: string; end: string } {
  const id = problem.name === 'two-mode' ? 'conditioning-race' : `conditioning-race-${problem.name}`;
  return { start: `<!-- ${id}:start -->`, end: `<!-- ${id}:end -->` };
}

export const CONDITIONING_START = conditioningMarkers({ name: 'two-mode' }).start;
export const CONDITIONING_END = conditioningMarkers({ name: 'two-mode' }).end;

/**
 * The generated block of docs/conditioning.md for `problem`: the setting, the noise floors of an
 * exact sample (KS distance E D_n = 0.8687 / sqrt(n), Kolmogorov's limit; the summary's from the
 * problem) and one row per contestant and budget.
 */
export function conditioningTable(problem: RaceProblem, rows: readonly ConditioningRow[], conditions: number, particles: number): string {
  const { start, end } = conditioningMarkers(problem);
  const n = particles.toLocaleString('en');
  return [
    start,
    '',
    `${conditions} conditions, ${n} particles each. Noise floor: an exact sample of ${n} has a mean KS distance of ${formatNumber(0.8687 / Math.sqrt(particles))} and ${/^[aeiou]/.test(problem.summary.label) ? 'an' : 'a'} ${problem.summary.label} of about ${formatNumber(problem.summary.floor(particles))}.`,
    '',
    // A | inside a cell (E[x2 | y]) is escaped, or it would end the cell.
    `| contestant | kind | evaluations per particle and condition | evaluations spent (all conditions) | wall s (all conditions) | mean KS distance | mean ${problem.summary.label.replaceAll('|', '\\|')} |`,
    '|---|---|---:|---:|---:|---:|---:|',
    ...rows.map(
      (row) =>
        `| ${row.contestant} | ${row.kind} | ${row.perParticle} | ${Math.round(row.evaluations).toLocaleString('en')} | ${formatNumber(row.seconds)} | ${formatNumber(row.ks)} | ${formatNumber(row.summaryError)} |`,
    ),
    '',
    end,
  ].join('\n');
}

/** Replaces the block of `problem` between its markers in `path` (docs/conditioning.md) with the table. */
export function writeConditioningDoc(path: string, problem: RaceProblem, rows: readonly ConditioningRow[], conditions: number, particles: number): void {
  const text = readFileSync(path, 'utf8');
  const { start: open, end: close } = conditioningMarkers(problem);
  const start = text.indexOf(open);
  const end = text.indexOf(close);
  if (start < 0 || end < start) throw new Error(`conditioning-race: ${path} lacks the ${open} ... ${close} markers.`);
  writeFileSync(path, text.slice(0, start) + conditioningTable(problem, rows, conditions, particles) + text.slice(end + close.length));
}
