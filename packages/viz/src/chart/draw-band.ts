import type { Context2D } from '../context.js';
import type { PlotFrame } from '../frame/plot-frame.js';
import { clipTo } from '../marks/draw-markers.js';
import { drawable } from './series.js';

/** A shaded range of y along x: between `lo` and `hi` at each x (x ascending). */
export interface Band {
  readonly x: ArrayLike<number>;
  readonly lo: ArrayLike<number>;
  readonly hi: ArrayLike<number>;
}

/** Options of `drawBand`. */
export interface BandOptions {
  /** Fill colour; a light grey by default. */
  readonly colour?: string;
}

/**
 * Draws a band as a filled polygon (hi from left to right, lo back), clipped to the frame: a
 * noise floor or a confidence range under a chart's lines. A band of one x is drawn across the
 * whole width of the frame. Points an axis cannot show are skipped; on a log y axis a lo below
 * the domain is drawn at the bottom edge.
 *
 * @example
 * drawBand(ctx, frame, { x: [0, 1], lo: [-0.1, -0.2], hi: [0.1, 0.2] });
 * drawLineChart(ctx, frame, series);
 */
export function drawBand(ctx: Context2D, frame: PlotFrame, band: Band, options: BandOptions = {}): void {
  const [bottom] = frame.y.range();
  const points: { x: number; lo: number; hi: number }[] = [];
  for (let i = 0; i < Math.min(band.x.length, band.lo.length, band.hi.length); i++) {
    if (!drawable(band.x[i], frame.xLog) || !drawable(band.hi[i], frame.yLog) || !Number.isFinite(band.lo[i])) continue;
    points.push({ x: frame.x(band.x[i]), lo: drawable(band.lo[i], frame.yLog) ? frame.y(band.lo[i]) : bottom, hi: frame.y(band.hi[i]) });
  }
  if (points.length === 0) return;
  if (points.length === 1) {
    const [only] = points;
    points.splice(0, 1, { ...only, x: frame.inner.x }, { ...only, x: frame.inner.x + frame.inner.width });
  }
  ctx.save();
  clipTo(ctx, frame);
  ctx.fillStyle = options.colour ?? 'rgba(0, 0, 0, 0.1)';
  ctx.beginPath();
  points.forEach((p, k) => (k === 0 ? ctx.moveTo(p.x, p.hi) : ctx.lineTo(p.x, p.hi)));
  for (let k = points.length - 1; k >= 0; k--) ctx.lineTo(points[k].x, points[k].lo);
  ctx.closePath();
  ctx.fill();
  ctx.restore();
}
