import type { Context2D } from '../context.js';
import { categoricalColour } from '../colour/categorical.js';
import type { PlotFrame } from '../frame/plot-frame.js';
import { clipTo } from '../marks/draw-markers.js';
import { type LegendPosition, drawLegend } from './draw-legend.js';
import { type Series, drawable } from './series.js';

/** Options of `drawLineChart`. */
export interface LineChartOptions {
  /** Legend corner, or `false` for none; top-right by default (none for a single series). */
  readonly legend?: LegendPosition | false;
  /** Line width in canvas pixels; 1.75 by default. */
  readonly lineWidth?: number;
}

/**
 * Draws series as lines (with dots for short series) in a frame, for metric charts: sample
 * quality against NFE or t, a training loss against the step. Points that a (log) axis cannot
 * show break the line; a point left without a drawable neighbour (a series of one point) is a dot. Build the frame with `seriesDomains` and `xLog` / `yLog` as needed.
 *
 * @example
 * const domains = seriesDomains(series, { y: true })!;
 * const frame = createPlotFrame({ width: 480, height: 320, ...domains, yLog: true });
 * drawAxes(ctx, frame, { xLabel: 'NFE', yLabel: 'sliced W2' });
 * drawLineChart(ctx, frame, series);
 */
export function drawLineChart(ctx: Context2D, frame: PlotFrame, series: readonly Series[], options: LineChartOptions = {}): void {
  const colours = series.map((s, k) => s.colour ?? categoricalColour(k));
  ctx.save();
  clipTo(ctx, frame);
  ctx.lineWidth = options.lineWidth ?? 1.75;
  ctx.lineJoin = 'round';
  series.forEach((s, k) => {
    const n = Math.min(s.x.length, s.y.length);
    ctx.strokeStyle = colours[k];
    ctx.fillStyle = colours[k];
    ctx.setLineDash(s.dash === undefined ? [] : [...s.dash]);
    const at = (i: number) => i >= 0 && i < n && drawable(s.x[i], frame.xLog) && drawable(s.y[i], frame.yLog);
    ctx.beginPath();
    let open = false;
    for (let i = 0; i < n; i++) {
      if (!at(i)) {
        open = false;
        continue;
      }
      const x = frame.x(s.x[i]);
      const y = frame.y(s.y[i]);
      if (open) ctx.lineTo(x, y);
      else ctx.moveTo(x, y);
      open = true;
    }
    ctx.stroke();
    ctx.setLineDash([]);
    const markers = s.markers ?? n <= 40;
    for (let i = 0; i < n; i++) {
      // A point with no drawable neighbour makes no line: it gets a dot even without markers.
      if (at(i) && (markers || (!at(i - 1) && !at(i + 1)))) {
        ctx.beginPath();
        ctx.arc(frame.x(s.x[i]), frame.y(s.y[i]), 2.5, 0, 2 * Math.PI);
        ctx.fill();
      }
    }
  });
  ctx.restore();
  const legend = options.legend ?? (series.length > 1 ? 'top-right' : false);
  if (legend !== false) drawLegend(ctx, frame, series.map((s, k) => ({ name: s.name, colour: colours[k], dash: s.dash })), legend);
}
