import type { Context2D } from '../context.js';
import type { PlotFrame } from '../frame/plot-frame.js';

/** Options of `drawMarkers`. */
export interface MarkerOptions {
  /** Fill colour; `red` by default. */
  readonly colour?: string;
  /** Radius in canvas pixels; 3.5 by default. */
  readonly radius?: number;
  /** Outline colour (keeps a marker visible on any background); `white` by default, `none` for none. */
  readonly outline?: string;
  /** Coordinates drawn, of each point's `dim`; [0, 1] by default. */
  readonly dims?: readonly [number, number];
}

/**
 * Draws round markers (vector arcs) at row-major points (n * dim), clipped to the frame's inner
 * area; non-finite points are skipped. For a few highlighted points: starting points of paths,
 * chosen particles of a scatter.
 */
export function drawMarkers(ctx: Context2D, frame: PlotFrame, points: ArrayLike<number>, dim: number, options: MarkerOptions = {}): void {
  const [i, j] = options.dims ?? [0, 1];
  const radius = options.radius ?? 3.5;
  const outline = options.outline ?? 'white';
  ctx.save();
  clipTo(ctx, frame);
  ctx.fillStyle = options.colour ?? 'red';
  ctx.strokeStyle = outline;
  ctx.lineWidth = 1;
  for (let p = 0; p + dim <= points.length; p += dim) {
    const x = frame.x(points[p + i]);
    const y = frame.y(points[p + j]);
    if (!(Number.isFinite(x) && Number.isFinite(y))) continue;
    ctx.beginPath();
    ctx.arc(x, y, radius, 0, 2 * Math.PI);
    ctx.fill();
    if (outline !== 'none') ctx.stroke();
  }
  ctx.restore();
}

/** Clips later drawing to the frame's inner area (between `save` and `restore`). */
export function clipTo(ctx: Context2D, frame: PlotFrame): void {
  const { inner } = frame;
  ctx.beginPath();
  ctx.rect(inner.x, inner.y, inner.width, inner.height);
  ctx.clip();
}
