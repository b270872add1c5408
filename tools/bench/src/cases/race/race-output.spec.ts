import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RACE_END, RACE_START, formatBudget, formatNumber, settingsOf, writeRaceDoc } from './race-doc.js';
import { raceFigure } from './race-figure.js';
import type { NoiseFloor, RaceRow } from './race-row.js';

const row = (contestant: string, kind: RaceRow['kind'], budget: number, sw2: number): RaceRow => ({
  contestant,
  kind,
  budget,
  options: kind === 'diffusion' ? { steps: budget / 2000, snapshotEvery: budget / 2000 } : { warmup: 5, steps: 4, thin: 4 },
  n: 2000,
  evaluations: budget,
  seconds: budget / 1e7,
  sw2,
  mmd2: 0.01,
  mmdBandwidth: 1.25,
  mmdRows: 2000,
  mmdReferenceRows: 2000,
  leftShare: kind === 'diffusion' ? 0.25 : 0.5,
});
const rows = [row('parallel-rwm', 'parallel-mcmc', 2e4, 2.3), row('parallel-rwm', 'parallel-mcmc', 1e5, 2.1), row('reverse-sde', 'diffusion', 2e4, 0.6), row('reverse-sde', 'diffusion', 1e5, 0.3)];
const floor: NoiseFloor = { sw2: 0.37, sw2Spread: 0.05, mmd2: 2e-4, mmd2Spread: 3e-4, pairs: 5 };

/** Whether every start tag of `xml` is closed in order (a well-formedness check for the generator's own output). */
function balanced(xml: string): boolean {
  const stack: string[] = [];
  for (const [, close, name, selfClosing] of xml.replace(/<\?xml[^>]*\?>/, '').matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    if (selfClosing === '/') continue;
    if (close === '') stack.push(name);
    else if (stack.pop() !== name) return false;
  }
  return stack.length === 0;
}

describe('writeRaceDoc(path, rows, floor)', () => {
  it('replaces only the block between the markers with one table row per contestant and budget', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'race-')), 'doc.md');
    writeFileSync(path, `# before\n${RACE_START}\nold\n${RACE_END}\nafter\n`);
    writeRaceDoc(path, rows, floor);
    const text = readFileSync(path, 'utf8');
    expect(text.startsWith(`# before\n${RACE_START}`)).toBe(true);
    expect(text.endsWith(`${RACE_END}\nafter\n`)).toBe(true);
    expect(text).not.toContain('old');
    expect(text).toContain('| reverse-sde | 1e5 | steps 50 | 100,000 |');
    expect(text).toContain('RBF kernel with h = 1.25 (the median pairwise distance of the reference rows), on 2,000 vs 2,000 rows');
    expect(text.split('\n').filter((line) => line.startsWith('| parallel-rwm') || line.startsWith('| reverse-sde'))).toHaveLength(4);
  });

  it('refuses a file without the markers', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'race-')), 'doc.md');
    writeFileSync(path, '# no markers\n');
    expect(() => writeRaceDoc(path, rows, floor)).toThrow(/lacks the <!-- race-table:start -->/);
  });

  it('formats numbers to 3 significant digits and budgets as powers of ten', () => {
    expect([formatNumber(0.12345), formatNumber(2.5e-4), formatNumber(2_000_000), formatNumber(0)]).toEqual(['0.123', '2.50e-4', '2.00e6', '0']);
    expect([formatBudget(2e4), formatBudget(2.5e5)]).toEqual(['2e4', '2.5e5']);
    expect(settingsOf({ warmup: 3999, steps: 16000, thin: 8, includeWarmup: false })).toBe('warmup 3,999, steps 16,000, thin 8');
    expect(settingsOf({ steps: 10, snapshotEvery: 10 })).toBe('steps 10');
  });
});

describe('raceFigure(rows, floor)', () => {
  const svg = raceFigure(rows, floor);

  it('is well-formed SVG with three panels, one line per contestant in each, and a legend entry per contestant', () => {
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(balanced(svg)).toBe(true);
    expect(svg.match(/<polyline /g)).toHaveLength(3 * 2);
    expect(svg).toContain('>parallel-rwm</text>');
    expect(svg).toContain('>reverse-sde</text>');
  });

  it('labels the axes with ticks: decades of evaluations and seconds, and the noise floor', () => {
    for (const label of ['10⁴', '10⁵', '0.001', '0.01', 'wall time, seconds (one core)', 'density / score evaluations (all particles)', 'exact-sample floor 0.37 ± 0.05', 'target 0.25']) {
      expect(svg).toContain(`>${label}</text>`);
    }
  });
});
