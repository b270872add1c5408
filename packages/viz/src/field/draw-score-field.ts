import type { Context2D } from '../context.js';
import type { PlotFrame } from '../frame/plot-frame.js';
import { clipTo } from '../marks/draw-markers.js';
import type { VectorField } from './vector-field.js';

/** Options of `drawScoreField`. */
export interface ScoreFieldOptions {
  /** Arrow colour; white (readable over a dark heatmap) by default. */
  readonly colour?: string;
  /** Longest arrow in canvas pixels; 0.9 of the grid spacing by default. */
  readonly maxLength?: number;
  /**
   * `scaled` (default): length proportional to |v| up to the 90th percentile of the lengths, where
   * it reaches `maxLength` (scores grow without bound away from the modes); `unit`: direction only.
   */
  readonly length?: 'scaled' | 'unit';
  readonly lineWidth?: number;
}

/**
 * Draws a vector field (a score grad log p_t on a grid, from `scoreField`) as arrows, over
 * whatever the frame holds (typically a log-density heatmap at the same t).
 */
export function drawScoreField(ctx: Context2D, frame: PlotFrame, field: VectorField, options: ScoreFieldOptions = {}): void {
  const { points, vectors } = field;
  const n = Math.floor(points.length / 2);
  if (n === 0) return;
  const spacing = Math.min(frame.inner.width, frame.inner.height) / Math.max(1, Math.sqrt(n));
  const maxLength = options.maxLength ?? 0.9 * spacing;
  // Directions in pixels: the y axis points down on the canvas.
  const kx = frame.x(1) - frame.x(0);
  const ky = frame.y(1) - frame.y(0);
  const lengths = new Float64Array(n);
  for (let p = 0; p < n; p++) lengths[p] = Math.hypot(vectors[2 * p] * kx, vectors[2 * p + 1] * ky);
  const sorted = Float64Array.from(lengths.filter(Number.isFinite)).sort();
  const reference = sorted.length === 0 ? 1 : sorted[Math.floor(0.9 * (sorted.length - 1))] || 1;
  ctx.save();
  clipTo(ctx, frame);
  ctx.strokeStyle = options.colour ?? 'white';
  ctx.fillStyle = options.colour ?? 'white';
  ctx.lineWidth = options.lineWidth ?? 1.2;
  ctx.lineCap = 'round';
  for (let p = 0; p < n; p++) {
    const length = lengths[p];
    if (!(length > 0) || !Number.isFinite(length)) continue;
    const drawn = options.length === 'unit' ? maxLength : maxLength * Math.min(1, length / reference);
    const ux = (vectors[2 * p] * kx) / length;
    const uy = (vectors[2 * p + 1] * ky) / length;
    const x0 = frame.x(points[2 * p]) - (ux * drawn) / 2;
    const y0 = frame.y(points[2 * p + 1]) - (uy * drawn) / 2;
    arrow(ctx, x0, y0, x0 + ux * drawn, y0 + uy * drawn, Math.min(6, 0.35 * maxLength));
  }
  ctx.restore();
}

/** A line from (x0, y0) to (x1, y1) with a filled head of size `head` at (x1, y1). */
function arrow(ctx: Context2D, x0: number, y0: number, x1: number, y1: number, head: number): void {
  const length = Math.hypot(x1 - x0, y1 - y0);
  if (length < 0.5) return;
  const ux = (x1 - x0) / length;
  const uy = (y1 - y0) / length;
  const size = Math.min(head, 0.6 * length);
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1 - ux * size * 0.8, y1 - uy * size * 0.8);
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(x1, y1);
  ctx.lineTo(x1 - ux * size - uy * size * 0.5, y1 - uy * size + ux * size * 0.5);
  ctx.lineTo(x1 - ux * size + uy * size * 0.5, y1 - uy * size - ux * size * 0.5);
  ctx.closePath();
  ctx.fill();
}
