import type { Box, Context2D } from '../context.js';
import { fitText } from '../frame/fit-text.js';
import { font } from '../frame/font.js';
import type { PlotFrame } from '../frame/plot-frame.js';

/** One legend entry: a sample (a line, by default, or a filled band) and a name. */
export interface LegendEntry {
  readonly name: string;
  readonly colour: string;
  readonly dash?: readonly number[];
  /** `line` (default): a line sample; `band`: a filled swatch, for a shaded range. */
  readonly swatch?: 'line' | 'band';
}

/** Where a legend sits inside the frame's inner area. */
export type LegendPosition = 'top-right' | 'top-left' | 'bottom-right' | 'bottom-left';

const SIZE = 11;
const ROW = SIZE + 6;
const SAMPLE = 18;

/**
 * Draws a legend box of samples and names in a corner of the frame's inner area. It covers what
 * lies under it: for lines that may pass there, prefer `drawLegendRow` in a strip of its own.
 */
export function drawLegend(ctx: Context2D, frame: PlotFrame, entries: readonly LegendEntry[], position: LegendPosition = 'top-right'): void {
  if (entries.length === 0) return;
  ctx.save();
  ctx.font = font(SIZE);
  const width = Math.max(...entries.map((entry) => ctx.measureText(entry.name).width)) + SAMPLE + 18;
  const height = entries.length * ROW + 6;
  const { inner } = frame;
  const x = position.endsWith('right') ? inner.x + inner.width - width - 6 : inner.x + 6;
  const y = position.startsWith('top') ? inner.y + 6 : inner.y + inner.height - height - 6;
  ctx.fillStyle = 'rgba(255, 255, 255, 0.85)';
  ctx.strokeStyle = '#bbb';
  ctx.lineWidth = 1;
  ctx.fillRect(x, y, width, height);
  ctx.strokeRect(Math.round(x) + 0.5, Math.round(y) + 0.5, Math.round(width), Math.round(height));
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  entries.forEach((entry, k) => {
    const at = y + 3 + ROW * k + ROW / 2;
    drawSample(ctx, entry, x + 6, at);
    ctx.fillStyle = '#222';
    ctx.fillText(entry.name, x + SAMPLE + 12, at);
  });
  ctx.restore();
}

/**
 * Draws legend entries side by side in one row, centred in `box` (a strip reserved for it, e.g.
 * under a figure's title), so that the legend covers no data. Entries that do not fit are
 * shortened with `…`, the widest first. Returns the row's width.
 *
 * @example
 * drawLegendRow(ctx, { x: 0, y: 30, width: 720, height: 18 }, series.map((s, k) => ({ name: s.name, colour: categoricalColour(k) })));
 */
export function drawLegendRow(ctx: Context2D, box: Box, entries: readonly LegendEntry[]): number {
  if (entries.length === 0) return 0;
  ctx.save();
  ctx.font = font(SIZE);
  const gap = 16;
  const chrome = SAMPLE + 6;
  const room = box.width - 16 - entries.length * chrome - (entries.length - 1) * gap;
  const natural = entries.map((entry) => ctx.measureText(entry.name).width);
  // The widest names give way first: a common cap on the name width, as large as fits.
  let cap = Math.max(...natural);
  while (cap > 12 && natural.reduce((total, w) => total + Math.min(w, cap), 0) > room) cap -= 2;
  const names = entries.map((entry, k) => (natural[k] <= cap ? { text: entry.name, width: natural[k] } : fitText(ctx, entry.name, cap, { size: SIZE, minSize: SIZE })));
  ctx.font = font(SIZE);
  const width = names.reduce((total, name) => total + name.width, 0) + entries.length * chrome + (entries.length - 1) * gap;
  let x = box.x + Math.max(8, (box.width - width) / 2);
  const at = box.y + box.height / 2;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  entries.forEach((entry, k) => {
    drawSample(ctx, entry, x, at);
    ctx.fillStyle = '#222';
    ctx.fillText(names[k].text, x + chrome, at);
    x += chrome + names[k].width + gap;
  });
  ctx.restore();
  return width;
}

/** A line sample, or a filled swatch for a band, 18 px wide, centred vertically on `at`. */
function drawSample(ctx: Context2D, entry: LegendEntry, x: number, at: number): void {
  if (entry.swatch === 'band') {
    ctx.fillStyle = entry.colour;
    ctx.fillRect(x, at - 5, SAMPLE, 10);
    return;
  }
  ctx.strokeStyle = entry.colour;
  ctx.lineWidth = 2;
  ctx.setLineDash(entry.dash === undefined ? [] : [...entry.dash]);
  ctx.beginPath();
  ctx.moveTo(x, at);
  ctx.lineTo(x + SAMPLE, at);
  ctx.stroke();
  ctx.setLineDash([]);
}
