import { readFileSync, writeFileSync } from 'node:fs';
import type { NoiseFloor, RaceRow } from './race-row.js';

export const RACE_START = '<!-- race-table:start -->';
export const RACE_END = '<!-- race-table:end -->';

/** A number for the table: 3 significant digits, exponent form below 1e-3 or from 1e5 on. */
export function formatNumber(value: number): string {
  const magnitude = Math.abs(value);
  if (value === 0) return '0';
  if (magnitude < 1e-3 || magnitude >= 1e5) return value.toExponential(2).replace('e+', 'e');
  return Number(value.toPrecision(3)).toString();
}

/** A budget as a short power of ten: 2e4, 1e5, 2.5e5. */
export const formatBudget = (value: number): string => value.toExponential().replace('e+', 'e');

/** The stage settings a budget gave, e.g. `warmup 125, steps 125, thin 125` or `steps 50`. */
export function settingsOf(options: Readonly<Record<string, unknown>>): string {
  return ['warmup', 'steps', 'thin']
    .filter((key) => typeof options[key] === 'number' && !(key === 'thin' && options.thin === 1))
    .map((key) => `${key} ${(options[key] as number).toLocaleString('en')}`)
    .join(', ');
}

/** The generated block: the noise floor and one table row per contestant and budget. */
export function raceTable(rows: readonly RaceRow[], floor: NoiseFloor): string {
  return [
    RACE_START,
    '',
    `Noise floor (two independent exact samples of 2000, mean ± standard deviation over ${floor.pairs} pairs): sliced W2 ${formatNumber(floor.sw2)} ± ${formatNumber(floor.sw2Spread)}, MMD² ${formatNumber(floor.mmd2)} ± ${formatNumber(floor.mmd2Spread)}; the left-mode share of 2000 exact samples is 0.25 ± 0.0097.`,
    '',
    mmdDefinition(rows),
    '',
    '| contestant | budget | settings | evaluations spent | wall s | sliced W2 | MMD² | left-mode share |',
    '|---|---:|---|---:|---:|---:|---:|---:|',
    ...rows.map(
      (row) =>
        `| ${row.contestant} | ${formatBudget(row.budget)} | ${settingsOf(row.options)} | ${Math.round(row.evaluations).toLocaleString('en')} | ${formatNumber(row.seconds)} | ${formatNumber(row.sw2)} | ${formatNumber(row.mmd2)} | ${row.leftShare.toFixed(3)} |`,
    ),
    '',
    RACE_END,
  ].join('\n');
}

/** The sentence that says which MMD² the table holds: the bandwidth and the rows it used. */
export function mmdDefinition(rows: readonly RaceRow[]): string {
  const distinct = (values: readonly string[]) => [...new Set(values)].join(', ');
  const bandwidths = distinct(rows.map((row) => formatNumber(row.mmdBandwidth)));
  const used = distinct(rows.map((row) => `${row.mmdRows.toLocaleString('en')} vs ${row.mmdReferenceRows.toLocaleString('en')}`));
  return (
    `MMD² is the \`mmd\` metric with its defaults, as \`scoreflow run\` writes it into metrics.json: unbiased, RBF kernel with ` +
    `h = ${bandwidths} (the median pairwise distance of the reference rows), on ${used} rows (each sample strided to at most 2,000 rows).`
  );
}

/** Replaces the block between the race markers of `path` (docs/mcmc-vs-diffusion.md) with the table. */
export function writeRaceDoc(path: string, rows: readonly RaceRow[], floor: NoiseFloor): void {
  const text = readFileSync(path, 'utf8');
  const start = text.indexOf(RACE_START);
  const end = text.indexOf(RACE_END);
  if (start < 0 || end < start) throw new Error(`mcmc-race: ${path} lacks the ${RACE_START} ... ${RACE_END} markers.`);
  writeFileSync(path, text.slice(0, start) + raceTable(rows, floor) + text.slice(end + RACE_END.length));
}
