import type { Context2D } from '../context.js';
import { font } from '../frame/font.js';
import type { PlotFrame } from '../frame/plot-frame.js';

/** One legend entry: a line sample and a name. */
export interface LegendEntry {
  readonly name: string;
  readonly colour: string;
  readonly dash?: readonly number[];
}

/** Where a legend sits inside the frame's inner area. */
export type LegendPosition = 'top-right' | 'top-left' | 'bottom-right' | 'bottom-left';

/** Draws a legend box of line samples and names in a corner of the frame's inner area. */
export function drawLegend(ctx: Context2D, frame: PlotFrame, entries: readonly LegendEntry[], position: LegendPosition = 'top-right'): void {
  if (entries.length === 0) return;
  const size = 11;
  const row = size + 6;
  const sample = 18;
  ctx.save();
  ctx.font = font(size);
  const width = Math.max(...entries.map((entry) => ctx.measureText(entry.name).width)) + sample + 18;
  const height = entries.length * row + 6;
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
    const at = y + 3 + row * k + row / 2;
    ctx.strokeStyle = entry.colour;
    ctx.lineWidth = 2;
    ctx.setLineDash(entry.dash === undefined ? [] : [...entry.dash]);
    ctx.beginPath();
    ctx.moveTo(x + 6, at);
    ctx.lineTo(x + 6 + sample, at);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = '#222';
    ctx.fillText(entry.name, x + sample + 12, at);
  });
  ctx.restore();
}
