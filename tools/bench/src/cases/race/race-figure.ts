import { writeFileSync } from 'node:fs';
import type { NoiseFloor, RaceRow } from './race-row.js';
import { type Scale, linearScale, logScale } from './scales.js';
import { type Panel, type Series, escapeXml, legendRow, panelSvg } from './svg-panel.js';

/** Okabe and Ito's colour-blind-safe palette, one colour per contestant of `RACE_ORDER`. */
const COLORS: Readonly<Record<string, string>> = {
  'parallel-rwm': '#E69F00',
  'parallel-mala': '#D55E00',
  'parallel-hmc': '#CC79A7',
  'single-chain-rwm': '#000000',
  'reverse-sde': '#0072B2',
  'probability-flow': '#009E73',
};
const SPARE = ['#56B4E9', '#F0E442', '#999999'];

const WIDTH = 1200;
const HEIGHT = 430;
const PANEL = { top: 70, bottom: 320, width: WIDTH / 3, left: 70, right: 16 };

/** One series per contestant: MCMC dashed with circles, diffusion solid with squares. */
function seriesOf(rows: readonly RaceRow[], point: (row: RaceRow) => readonly [number, number]): Series[] {
  const names = [...new Set(rows.map((row) => row.contestant))];
  return names.map((name, index) => {
    const own = rows.filter((row) => row.contestant === name).sort((a, b) => a.budget - b.budget);
    const diffusion = own[0].kind === 'diffusion';
    return {
      name,
      color: COLORS[name] ?? SPARE[index % SPARE.length],
      marker: diffusion ? 'square' : 'circle',
      dash: diffusion ? undefined : own[0].kind === 'single-chain' ? '2 3' : '6 3',
      points: own.map(point),
    };
  });
}

const extent = (values: readonly number[]): [number, number] => [Math.min(...values), Math.max(...values)];

/**
 * The race's figure as SVG text: three panels, sliced W2 against total evaluations (log x),
 * sliced W2 against wall seconds (log x), and the left-mode share against evaluations (target
 * 0.25), one line per contestant, the exact-sample noise floor dotted with its spread shaded, a
 * legend below.
 */
export function raceFigure(rows: readonly RaceRow[], floor: NoiseFloor): string {
  const boxOf = (i: number) => [i * PANEL.width + PANEL.left, PANEL.top, (i + 1) * PANEL.width - PANEL.right, PANEL.bottom] as const;
  const xRange = (i: number) => [boxOf(i)[0], boxOf(i)[2]] as const;
  const yRange = [PANEL.bottom, PANEL.top] as const;
  const sw2 = linearScale([0, Math.max(...rows.map((row) => row.sw2), floor.sw2)], yRange);
  const panel = (i: number, title: string, xLabel: string, yLabel: string, x: Scale, y: Scale, point: (row: RaceRow) => readonly [number, number], reference: Panel['reference']): Panel => ({
    title,
    xLabel,
    yLabel,
    x,
    y,
    box: boxOf(i),
    series: seriesOf(rows, point),
    reference,
  });
  const floorLine = { y: floor.sw2, label: `exact-sample floor ${floor.sw2.toFixed(2)} ± ${floor.sw2Spread.toFixed(2)}`, band: [floor.sw2 - floor.sw2Spread, floor.sw2 + floor.sw2Spread] as const };
  const panels = [
    panel(0, 'Sliced W2 against evaluations', 'density / score evaluations (all particles)', 'sliced W2 (lower is better)', logScale(extent(rows.map((row) => row.evaluations)), xRange(0)), sw2, (row) => [row.evaluations, row.sw2], floorLine),
    panel(1, 'Sliced W2 against wall time', 'wall time, seconds (one core)', 'sliced W2 (lower is better)', logScale(extent(rows.map((row) => row.seconds)), xRange(1)), sw2, (row) => [row.seconds, row.sw2], floorLine),
    panel(2, 'Share of the left mode', 'density / score evaluations (all particles)', 'share with x < 0 (target 0.25)', logScale(extent(rows.map((row) => row.evaluations)), xRange(2)), linearScale([0, 1], yRange), (row) => [row.evaluations, row.leftShare], { y: 0.25, label: 'target 0.25' }),
  ];
  const legend = legendRow(panels[0].series, { left: 60, width: WIDTH, y: HEIGHT - 28, swatch: 36, gap: 8 });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="Helvetica, Arial, sans-serif">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${WIDTH / 2}" y="24" text-anchor="middle" font-size="16">${escapeXml('MCMC against diffusion on 0.25 N((−4, 0), 0.5² I) + 0.75 N((4, 0), 0.5² I): 2000 samples against 2000 exact ones')}</text>`,
    ...panels.map(panelSvg),
    `<g>\n${legend.join('\n')}\n</g>`,
    '</svg>',
    '',
  ].join('\n');
}

/** Writes `raceFigure` to `path` (docs/mcmc-vs-diffusion.svg). */
export function writeRaceFigure(path: string, rows: readonly RaceRow[], floor: NoiseFloor): void {
  writeFileSync(path, raceFigure(rows, floor));
}
