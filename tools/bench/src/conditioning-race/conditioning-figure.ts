import { writeFileSync } from 'node:fs';
import { linearScale, logScale } from '../cases/race/scales.js';
import { type Panel, type Series, escapeXml, marker, panelSvg } from '../cases/race/svg-panel.js';
import type { ConditioningRow } from './conditioning-row.js';
import type { RaceProblem } from './race-problem.js';

/** Okabe and Ito's colour-blind-safe palette. */
const COLORS = ['#E69F00', '#D55E00', '#0072B2', '#009E73', '#CC79A7', '#56B4E9', '#000000'];
const WIDTH = 1200;
const HEIGHT = 430;
const PANEL = { top: 70, bottom: 320, width: WIDTH / 3, left: 70, right: 16 };

const extent = (values: readonly number[]): [number, number] => [Math.min(...values), Math.max(...values)];

/** One series per contestant: MCMC dashed with circles, diffusion solid with squares. */
function seriesOf(rows: readonly ConditioningRow[], point: (row: ConditioningRow) => readonly [number, number]): Series[] {
  const names = [...new Set(rows.map((row) => row.contestant))];
  return names.map((name, index) => {
    const own = rows.filter((row) => row.contestant === name).sort((a, b) => a.perParticle - b.perParticle);
    const mcmc = own[0].kind === 'mcmc';
    return { name, color: COLORS[index % COLORS.length], marker: mcmc ? 'circle' : 'square', dash: mcmc ? '6 3' : undefined, points: own.map(point) };
  });
}

/**
 * The figure of the conditioning race (SVG, the panels of the first race's figure): mean KS
 * distance against evaluations and against wall time, and the mean error of the problem's summary
 * of x2 (the mode weight, E[x2 | y]) against evaluations, with the noise floors of an exact sample
 * of `particles`.
 */
export function conditioningFigure(problem: RaceProblem, rows: readonly ConditioningRow[], particles: number): string {
  const boxOf = (i: number) => [i * PANEL.width + PANEL.left, PANEL.top, (i + 1) * PANEL.width - PANEL.right, PANEL.bottom] as const;
  const xRange = (i: number) => [boxOf(i)[0], boxOf(i)[2]] as const;
  const yRange = [PANEL.bottom, PANEL.top] as const;
  const floor = 0.8687 / Math.sqrt(particles);
  const ks = linearScale([0, Math.max(...rows.map((row) => row.ks))], yRange);
  const evaluations = (i: number) => logScale(extent(rows.map((row) => row.evaluations)), xRange(i));
  const floorLine = { y: floor, label: `exact-sample floor ${floor.toFixed(3)}` };
  const panels: Panel[] = [
    { title: 'KS distance against evaluations', xLabel: 'evaluations (all conditions and particles)', yLabel: 'mean KS distance of x2', x: evaluations(0), y: ks, box: boxOf(0), series: seriesOf(rows, (row) => [row.evaluations, row.ks]), reference: floorLine },
    { title: 'KS distance against wall time', xLabel: 'wall time, seconds (all conditions)', yLabel: 'mean KS distance of x2', x: logScale(extent(rows.map((row) => row.seconds)), xRange(1)), y: ks, box: boxOf(1), series: seriesOf(rows, (row) => [row.seconds, row.ks]), reference: floorLine },
    {
      title: `${problem.summary.label[0].toUpperCase()}${problem.summary.label.slice(1)} (${problem.title})`,
      xLabel: 'evaluations (all conditions and particles)',
      yLabel: `mean ${problem.summary.label}`,
      x: evaluations(2),
      y: linearScale([0, Math.max(...rows.map((row) => row.summaryError))], yRange),
      box: boxOf(2),
      series: seriesOf(rows, (row) => [row.evaluations, row.summaryError]),
      reference: { y: problem.summary.floor(particles), label: `exact-sample floor ${problem.summary.floor(particles).toFixed(3)}` },
    },
  ];
  const legend = panels[0].series.map((series, index, all) => {
    const cx = 40 + (index * (WIDTH - 80)) / all.length;
    const cy = HEIGHT - 28;
    const dash = series.dash === undefined ? '' : ` stroke-dasharray="${series.dash}"`;
    return [
      `<line x1="${cx}" x2="${cx + 30}" y1="${cy}" y2="${cy}" stroke="${series.color}" stroke-width="2"${dash}/>`,
      marker(series.marker, cx + 15, cy, series.color),
      `<text x="${cx + 36}" y="${cy}" dy="0.35em" font-size="13">${escapeXml(series.name)}</text>`,
    ].join('\n');
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    ...panels.map(panelSvg),
    ...legend,
    '</svg>',
  ].join('\n');
}

/** Writes the figure to `path` (docs/conditioning-race.svg, docs/conditioning-race-banana.svg). */
export function writeConditioningFigure(path: string, problem: RaceProblem, rows: readonly ConditioningRow[], particles: number): void {
  writeFileSync(path, `${conditioningFigure(problem, rows, particles)}\n`);
}
