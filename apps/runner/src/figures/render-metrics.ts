import { type Series, createPlotFrame, drawAxes, drawLineChart, font, seriesDomains } from '@scoreflow/viz';
import { createFigure, savePng } from '@scoreflow/viz/node';
import { join } from 'node:path';
import { type FigureContext, NothingToDraw, type RenderedFigure, stageName } from './figure-context.js';
import type { MetricsFigure } from './figure-schema.js';
import type { PlannedFigure } from './plan-figures.js';

/**
 * The metrics of every measured snapshot against t (or the step), one panel per metric value
 * (sw2, mmd2, ...) and one line per stage. An axis turns logarithmic when its values are positive
 * and span more than a factor of 100 (t of a reverse run on a geometric grid) or 20 (a metric).
 * By default every value but the kernel bandwidths (parameters, not measures of quality).
 */
export async function renderMetrics(planned: PlannedFigure, context: FigureContext): Promise<RenderedFigure> {
  const config = planned.config as MetricsFigure;
  const measured = context.metrics.filter((record) => Object.keys(record.values).length > 0);
  const names = [...new Set(measured.flatMap((record) => Object.keys(record.values)))].filter((name) => (config.metrics === undefined ? !/bandwidth/i.test(name) : config.metrics.includes(name)));
  if (names.length === 0) throw new NothingToDraw(measured.length === 0 ? 'no snapshot was measured' : `none of the metrics ${config.metrics?.join(', ')} was measured`);
  const columns = Math.min(3, names.length);
  const rows = Math.ceil(names.length / columns);
  const width = config.width ?? 340 * columns;
  const height = config.height ?? 36 + 260 * rows;
  const canvas = createFigure(width, height);
  const ctx = canvas.getContext('2d');
  const stages = [...new Set(measured.map((record) => record.stage))];
  const title = config.title ?? `${context.run}: metrics against ${config.x}`;
  names.forEach((name, k) => {
    const series: Series[] = stages.map((stage) => {
      const records = measured.filter((record) => record.stage === stage && record.values[name] !== undefined);
      return {
        name: stageName(context, stage),
        x: records.map((record) => (config.x === 't' ? record.t : record.step)),
        y: records.map((record) => record.values[name]),
      };
    });
    const xLog = spansLog(series.flatMap((s) => Array.from(s.x)), 100);
    const yLog = spansLog(series.flatMap((s) => Array.from(s.y)), 20);
    const domains = seriesDomains(series, { x: xLog, y: yLog });
    if (domains === undefined) return;
    const box = { x: (k % columns) * (width / columns), y: 36 + Math.floor(k / columns) * ((height - 36) / rows), width: width / columns, height: (height - 36) / rows };
    const frame = createPlotFrame({ box, ...domains, xLog, yLog, margin: { top: 26, left: 64, right: 18, bottom: 40 } });
    drawLineChart(ctx, frame, series);
    drawAxes(ctx, frame, { xLabel: config.x, title: name, grid: true });
  });
  ctx.font = font(14, 'bold');
  ctx.fillStyle = '#222';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.fillText(title, width / 2, 8);
  await savePng(canvas, join(context.outDir, config.file));
  return { width, height };
}

/** Whether values are all positive and span more than `factor`. */
function spansLog(values: readonly number[], factor: number): boolean {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0 || finite.some((v) => v <= 0)) return false;
  return Math.max(...finite) / Math.min(...finite) > factor;
}
