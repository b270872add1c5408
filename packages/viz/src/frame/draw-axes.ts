import type { Context2D } from '../context.js';
import { fitText } from './fit-text.js';
import { font } from './font.js';
import type { AxisScale, PlotFrame } from './plot-frame.js';

/** Options of `drawAxes`. */
export interface AxesOptions {
  readonly xLabel?: string;
  readonly yLabel?: string;
  /**
   * Drawn above the inner area, in the top margin (the default margin of 30 has room for it); a long
   * one shrinks, then is cut with `…`, to stay 12 px inside the panel's edges.
   */
  readonly title?: string;
  /** Approximate tick counts; by default one per 80 px (x) and per 50 px (y). */
  readonly xTicks?: number;
  readonly yTicks?: number;
  /** Light grid lines at the ticks; false by default. */
  readonly grid?: boolean;
  /** Colour of the frame, ticks and labels; `#333` by default. */
  readonly colour?: string;
  /** Tick label size in pixels; 11 by default (axis labels are 1 px larger, the title 2 px). */
  readonly fontSize?: number;
}

const TICK = 5;
/** Space a title keeps free at the panel's left and right edges. */
const TITLE_INSET = 12;

/**
 * Draws the axes of a frame with the context's own text API (d3-axis draws SVG only): a thin
 * border round the inner area, outward ticks at `scale.ticks(n)` labelled by `scale.tickFormat`
 * (a log axis leaves some labels empty), the axis labels and the title.
 */
export function drawAxes(ctx: Context2D, frame: PlotFrame, options: AxesOptions = {}): void {
  const { inner } = frame;
  const colour = options.colour ?? '#333';
  const size = options.fontSize ?? 11;
  const xTicks = ticksOf(frame.x, frame.xLog, options.xTicks ?? Math.max(2, Math.round(inner.width / 80)));
  const yTicks = ticksOf(frame.y, frame.yLog, options.yTicks ?? Math.max(2, Math.round(inner.height / 50)));
  const bottom = inner.y + inner.height;
  ctx.save();
  if (options.grid === true) {
    ctx.strokeStyle = 'rgba(0, 0, 0, 0.08)';
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (const { at } of xTicks) vertical(ctx, crisp(at), inner.y, bottom);
    for (const { at } of yTicks) horizontal(ctx, crisp(at), inner.x, inner.x + inner.width);
    ctx.stroke();
  }
  ctx.strokeStyle = colour;
  ctx.fillStyle = colour;
  ctx.lineWidth = 1;
  ctx.strokeRect(crisp(inner.x), crisp(inner.y), Math.round(inner.width), Math.round(inner.height));
  ctx.beginPath();
  for (const { at } of xTicks) vertical(ctx, crisp(at), bottom, bottom + TICK);
  for (const { at } of yTicks) horizontal(ctx, crisp(at), inner.x - TICK, inner.x);
  ctx.stroke();

  ctx.font = font(size);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const { at, label } of xTicks) ctx.fillText(label, at, bottom + TICK + 2);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  let widest = 0;
  for (const { at, label } of yTicks) {
    ctx.fillText(label, inner.x - TICK - 3, at);
    widest = Math.max(widest, ctx.measureText(label).width);
  }
  ctx.font = font(size + 1);
  if (options.xLabel !== undefined) {
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    ctx.fillText(options.xLabel, inner.x + inner.width / 2, bottom + TICK + size + 8);
  }
  if (options.yLabel !== undefined) {
    ctx.save();
    ctx.translate(Math.max(frame.box.x + size + 4, inner.x - TICK - widest - 8), inner.y + inner.height / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    ctx.fillText(options.yLabel, 0, 0);
    ctx.restore();
  }
  if (options.title !== undefined) {
    // Fitted between 12-px insets of the panel (shrunk to 10 px, then cut with `…`), centred
    // over the inner area where it fits, and never above the panel's top.
    const fitted = fitText(ctx, options.title, frame.box.width - 2 * TITLE_INSET, { size: size + 2, weight: 'bold' });
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    const half = fitted.width / 2;
    const centre = Math.min(Math.max(inner.x + inner.width / 2, frame.box.x + TITLE_INSET + half), frame.box.x + frame.box.width - TITLE_INSET - half);
    const lineHeight = Math.ceil(1.2 * fitted.size);
    ctx.fillText(fitted.text, centre, Math.max(inner.y - 6, frame.box.y + 2 + lineHeight));
  }
  ctx.restore();
}

/**
 * The ticks of a scale with their canvas positions and labels. Log axes label in `~g` (0.001,
 * 20, 1e-5) rather than d3's default SI prefixes (1m, 20, 10µ).
 */
function ticksOf(scale: AxisScale, log: boolean, count: number): { at: number; label: string }[] {
  const format = log ? scale.tickFormat(count, '~g') : scale.tickFormat(count);
  return scale
    .ticks(count)
    .map((value) => ({ at: scale(value), label: format(value) }))
    .filter(({ at }) => Number.isFinite(at));
}

/** Pixel centre for a 1-px line: x.5 draws one sharp pixel instead of two grey ones. */
const crisp = (v: number): number => Math.round(v - 0.5) + 0.5;

function vertical(ctx: Context2D, x: number, y0: number, y1: number): void {
  ctx.moveTo(x, y0);
  ctx.lineTo(x, y1);
}

function horizontal(ctx: Context2D, y: number, x0: number, x1: number): void {
  ctx.moveTo(x0, y);
  ctx.lineTo(x1, y);
}
