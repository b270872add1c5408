import type { Context2D } from '../context.js';
import { categoricalColour } from '../colour/categorical.js';
import type { PlotFrame } from '../frame/plot-frame.js';
import { type MarkerOptions, clipTo, drawMarkers } from '../marks/draw-markers.js';
import { type Trajectories, checkTrajectories } from './trajectories.js';

/** Options of `drawPaths`. */
export interface PathsOptions {
  /** Coordinates drawn; [0, 1] by default. */
  readonly dims?: readonly [number, number];
  /** One colour for every path, or a categorical scheme cycled over the paths (Tableau 10 by default). */
  readonly colour?: string | readonly string[];
  /** Line width in canvas pixels; 1.25 by default. */
  readonly lineWidth?: number;
  /** Line opacity; 0.85 by default. */
  readonly opacity?: number;
  /** Markers at each path's first point: red dots by default; `false` for none. */
  readonly start?: MarkerOptions | false;
  /** Markers at each path's last point; none by default. */
  readonly end?: MarkerOptions | false;
}

/**
 * Draws trajectories (random walks, sampler paths, MCMC chains) as polylines clipped to the
 * frame, then marks where each starts (red dots by default) and, optionally, where it ends.
 *
 * @example
 * drawPaths(ctx, frame, { paths: 5, steps: 200, dim: 2, positions });
 */
export function drawPaths(ctx: Context2D, frame: PlotFrame, trajectories: Trajectories, options: PathsOptions = {}): void {
  const { paths, steps, dim, positions } = checkTrajectories(trajectories, 'drawPaths');
  const [a, b] = options.dims ?? [0, 1];
  const colour = options.colour;
  ctx.save();
  clipTo(ctx, frame);
  ctx.lineWidth = options.lineWidth ?? 1.25;
  ctx.globalAlpha = options.opacity ?? 0.85;
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  for (let p = 0; p < paths; p++) {
    ctx.strokeStyle = typeof colour === 'string' ? colour : categoricalColour(p, colour);
    ctx.beginPath();
    let open = false;
    for (let s = 0; s < steps; s++) {
      const at = (s * paths + p) * dim;
      const x = frame.x(positions[at + a]);
      const y = frame.y(positions[at + b]);
      if (!(Number.isFinite(x) && Number.isFinite(y))) {
        open = false;
        continue;
      }
      if (open) ctx.lineTo(x, y);
      else ctx.moveTo(x, y);
      open = true;
    }
    ctx.stroke();
  }
  ctx.restore();
  if (options.end !== undefined && options.end !== false) drawMarkers(ctx, frame, endpoints(trajectories, 'last'), dim, { colour: '#222', ...options.end, dims: [a, b] });
  if (options.start !== false) drawMarkers(ctx, frame, endpoints(trajectories, 'first'), dim, { ...options.start, dims: [a, b] });
}

/** The first (or last) finite point of each path, row-major (paths * dim); NaN for an empty path. */
export function endpoints(trajectories: Trajectories, which: 'first' | 'last'): Float32Array {
  const { paths, steps, dim, positions } = trajectories;
  const out = new Float32Array(paths * dim).fill(Number.NaN);
  for (let p = 0; p < paths; p++) {
    for (let k = 0; k < steps; k++) {
      const s = which === 'first' ? k : steps - 1 - k;
      const at = (s * paths + p) * dim;
      if (!Number.isFinite(positions[at])) continue;
      out.set(positions.subarray(at, at + dim), p * dim);
      break;
    }
  }
  return out;
}
