import type { MeasuredSnapshot } from '@scoreflow/core';
import { z } from 'zod';
import { type Band, drawBand } from '../chart/draw-band.js';
import { type LegendEntry, drawLegendRow } from '../chart/draw-legend.js';
import { drawLineChart } from '../chart/draw-line-chart.js';
import { type Series, seriesDomains } from '../chart/series.js';
import { categoricalColour } from '../colour/categorical.js';
import { drawAxes } from '../frame/draw-axes.js';
import { drawTitle } from '../frame/draw-title.js';
import { createPlotFrame } from '../frame/plot-frame.js';
import { defineFigure } from './define-figure.js';
import { contextOf } from './context-of.js';
import { commonOptions, fileOption } from './figure-options.js';
import { type MetricBands, noiseBands } from './noise-bands.js';
import { NothingToDraw } from './nothing-to-draw.js';
import { isChainStage, stageName } from './titles.js';

/** Options of the `metrics` figure. */
export const metricsFigureOptions = z.strictObject({
  file: fileOption('png'),
  x: z.enum(['t', 'step']).default('t').describe('the horizontal axis'),
  metrics: z.array(z.string()).optional().describe('which values (e.g. sw2, mmd2); all but bandwidths by default'),
  noiseFloor: z
    .union([
      z.literal(false),
      z.strictObject({
        pairs: z.number().int().min(2).max(20).default(3).describe('pairs of exact samples per time'),
        times: z.number().int().min(1).max(50).default(3).describe('times it is computed at, spread over the measured ones (first and last included)'),
      }),
    ])
    .default({ pairs: 3, times: 3 })
    .describe('shade each value between two exact samples of the measured sizes (mean +- 2 sd over pairs); false for none'),
  ...commonOptions,
});

const TITLE = 30;
const KEY = 20;
const FLOOR_COLOUR = 'rgba(0, 0, 0, 0.12)';

/**
 * `metrics`: the metrics of every measured snapshot against t (or the step), one panel per metric
 * value (sw2, mmd2, ...) and one line per stage, over the metric's noise floor: a grey band of
 * what the metric reports between two exact samples of the measured sizes (mean +- 2 sd over
 * pairs, `noiseBands`), so that values inside it read as noise. An axis turns logarithmic when its
 * values are positive and span more than a factor of 100 (t of a reverse run on a geometric grid)
 * or 20 (a metric). By default every value but the kernel bandwidths (parameters, not measures of
 * quality). The stages and the band are named in a row under the title, over no data.
 */
export const metricsFigure = defineFigure({
  name: 'metrics',
  description: 'every metric of every snapshot against t or the step, one panel per metric (PNG)',
  options: metricsFigureOptions,
  create: (config) => ({
    needs: { metrics: true, noiseFloor: config.noiseFloor !== false },
    async draw(input, newCanvas) {
      const measured = input.metrics.filter((record) => Object.keys(record.values).length > 0);
      const names = [...new Set(measured.flatMap((record) => Object.keys(record.values)))].filter((name) =>
        config.metrics === undefined ? !/bandwidth/i.test(name) : config.metrics.includes(name),
      );
      if (names.length === 0) throw new NothingToDraw(measured.length === 0 ? 'no snapshot was measured' : `none of the metrics ${config.metrics?.join(', ')} was measured`);
      const stages = [...new Set(measured.map((record) => record.stage))];
      const xOf = (record: { t: number; step: number }) => (config.x === 't' ? record.t : record.step);
      const bands: MetricBands | undefined =
        input.noiseFloor === undefined || config.noiseFloor === false ? undefined : await noiseBands(input.noiseFloor, measured, xOf, config.noiseFloor);
      const key: LegendEntry[] = [
        ...(stages.length > 1 ? stages.map((stage, k) => ({ name: stageName(input, stage), colour: categoricalColour(k) })) : []),
        ...(bands === undefined ? [] : [{ name: bands.label, colour: FLOOR_COLOUR, swatch: 'band' as const }]),
      ];
      const top = TITLE + (key.length > 0 ? KEY : 0);
      const columns = Math.min(3, names.length);
      const rows = Math.ceil(names.length / columns);
      const width = config.width ?? 340 * columns;
      const height = config.height ?? top + 260 * rows;
      const canvas = newCanvas(width, height);
      const ctx2d = contextOf(canvas);
      // MCMC stages count iterations: their t and step are both the iteration.
      const xLabel = stages.every((stage) => isChainStage(input, stage)) ? 'iteration' : config.x;
      names.forEach((name, k) => {
        const series: Series[] = stages.map((stage) => {
          const records = measured.filter((record: MeasuredSnapshot) => record.stage === stage && record.values[name] !== undefined);
          return { name: stageName(input, stage), x: records.map(xOf), y: records.map((record) => record.values[name]) };
        });
        const band: Band | undefined = bands?.byName[name];
        const xLog = spansLog(series.flatMap((s) => Array.from(s.x)), 100);
        const yLog = spansLog(series.flatMap((s) => Array.from(s.y)), 20);
        // The axes hold the band too: where the values sit against the floor is the point.
        const withBand = band === undefined ? series : [...series, { name: 'lo', x: band.x, y: band.lo }, { name: 'hi', x: band.x, y: band.hi }];
        const domains = seriesDomains(withBand, { x: xLog, y: yLog });
        if (domains === undefined) return;
        const box = { x: (k % columns) * (width / columns), y: top + Math.floor(k / columns) * ((height - top) / rows), width: width / columns, height: (height - top) / rows };
        const frame = createPlotFrame({ box, ...domains, xLog, yLog, margin: { top: 26, left: 64, right: 18, bottom: 40 } });
        if (band !== undefined) drawBand(ctx2d, frame, band, { colour: FLOOR_COLOUR });
        drawLineChart(ctx2d, frame, series, { legend: false });
        drawAxes(ctx2d, frame, { xLabel, title: name, grid: true });
      });
      drawTitle(ctx2d, { x: 0, y: 0, width, height }, config.title ?? `${input.run}: metrics against ${xLabel}`);
      if (key.length > 0) drawLegendRow(ctx2d, { x: 0, y: TITLE, width, height: KEY }, key);
      return { canvases: [canvas] };
    },
  }),
});

/** Whether values are all positive and span more than `factor`. */
function spansLog(values: readonly number[], factor: number): boolean {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0 || finite.some((v) => v <= 0)) return false;
  return Math.max(...finite) / Math.min(...finite) > factor;
}
