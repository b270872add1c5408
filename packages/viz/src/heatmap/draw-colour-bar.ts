import { scaleLinear } from 'd3-scale';
import type { Box, Context2D } from '../context.js';
import { colourTable } from '../colour/colour-map.js';
import { font } from '../frame/font.js';
import type { PlotFrame } from '../frame/plot-frame.js';
import type { HeatmapScale } from './draw-density-heatmap.js';

/**
 * Draws a vertical colour bar for a heatmap's scale in the frame's right margin (10 px right of
 * the inner area, 12 px wide, as tall as the inner area) with ticks and labels on its right and
 * the scale's label, rotated, beyond them; or in `box` when given.
 */
export function drawColourBar(ctx: Context2D, frame: PlotFrame, scale: HeatmapScale, box?: Box): void {
  const { inner } = frame;
  const bar = box ?? { x: inner.x + inner.width + 10, y: inner.y, width: 12, height: inner.height };
  const table = colourTable(scale.map);
  const top = table.length / 3 - 1;
  ctx.save();
  const rows = Math.max(1, Math.round(bar.height));
  for (let r = 0; r < rows; r++) {
    const c = Math.round((1 - r / Math.max(1, rows - 1)) * top);
    ctx.fillStyle = `rgb(${table[3 * c]}, ${table[3 * c + 1]}, ${table[3 * c + 2]})`;
    ctx.fillRect(bar.x, bar.y + (r * bar.height) / rows, bar.width, bar.height / rows + 0.5);
  }
  ctx.strokeStyle = '#333';
  ctx.lineWidth = 1;
  ctx.strokeRect(Math.round(bar.x) + 0.5, Math.round(bar.y) + 0.5, Math.round(bar.width), Math.round(bar.height) - 1);
  const y = scaleLinear().domain(scale.domain).range([bar.y + bar.height, bar.y]);
  const count = Math.max(2, Math.round(bar.height / 60));
  const format = y.tickFormat(count);
  ctx.fillStyle = '#333';
  ctx.font = font(10);
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  let widest = 0;
  ctx.beginPath();
  for (const value of y.ticks(count)) {
    const at = Math.round(y(value)) + 0.5;
    ctx.moveTo(bar.x + bar.width, at);
    ctx.lineTo(bar.x + bar.width + 3, at);
    const label = format(value);
    ctx.fillText(label, bar.x + bar.width + 5, at);
    widest = Math.max(widest, ctx.measureText(label).width);
  }
  ctx.stroke();
  ctx.translate(bar.x + bar.width + 9 + widest, bar.y + bar.height / 2);
  ctx.rotate(Math.PI / 2);
  ctx.font = font(11);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillText(scale.label, 0, 0);
  ctx.restore();
}
