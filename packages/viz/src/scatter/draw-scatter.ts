import type { Context2D } from '../context.js';
import type { PlotFrame } from '../frame/plot-frame.js';
import { type MarkerOptions, drawMarkers } from '../marks/draw-markers.js';
import { fastScale, stampOf } from '../raster/linear-map.js';
import { autoOpacity, compositeSplats, createSplatLayer } from '../raster/splat-layer.js';
import { type ScatterColour, colourLookup } from './scatter-colour.js';

/** Options of `drawScatter`. */
export interface ScatterOptions {
  /** Coordinates per point; 2 by default. */
  readonly dim?: number;
  /** Coordinates drawn on x and y; [0, 1] by default. */
  readonly dims?: readonly [number, number];
  readonly colour?: ScatterColour;
  /**
   * Dot radius in canvas pixels; by default 2.5 up to 1,000 points, 1.5 up to 10,000, 1 up to
   * 100,000, then 0.5 (one device pixel).
   */
  readonly radius?: number;
  /** Opacity of one point (see `compositeSplats`); `auto` (default) scales it to the density. */
  readonly opacity?: number | 'auto';
  /** Points drawn on top as markers (red by default): given as positions (row-major, same dim) or as indices. */
  readonly highlight?: MarkerOptions & { readonly positions?: ArrayLike<number>; readonly indices?: ArrayLike<number> };
}

/**
 * Draws a scatter of row-major points (n * dim) in a frame, density-aware: each point adds its
 * colour to the pixels of its dot in an accumulation buffer, which is composited over the canvas
 * once (`compositeSplats`), so 10^6 points cost one pass and one putImageData, and overlapping
 * points build up density instead of hiding each other. Points outside the inner area, or not
 * finite, are dropped.
 *
 * @example
 * drawScatter(ctx, frame, positionsOf(batch), { colour: { by: 'label', labels: labelsOf(batch)! } });
 */
export function drawScatter(ctx: Context2D, frame: PlotFrame, points: ArrayLike<number>, options: ScatterOptions = {}): void {
  const dim = options.dim ?? 2;
  const [i, j] = options.dims ?? [0, 1];
  if (!(Number.isInteger(dim) && dim >= 1 && i < dim && j < dim)) throw new RangeError(`drawScatter: dims [${i}, ${j}] do not fit dim ${dim}.`);
  const n = Math.floor(points.length / dim);
  const layer = createSplatLayer(ctx, frame.inner);
  const { region, sums } = layer;
  const colours = colourLookup(options.colour, n);
  const { table } = colours;
  const radius = options.radius ?? (n <= 1000 ? 2.5 : n <= 10_000 ? 1.5 : n <= 100_000 ? 1 : 0.5);
  const stamp = stampOf(radius * Math.abs(region.scaleX));
  const toX = fastScale(frame.x, frame.xLog);
  const toY = fastScale(frame.y, frame.yLog);
  const { width, height } = region;
  const ax = region.scaleX;
  const bx = region.offsetX - region.x;
  const ay = region.scaleY;
  const by = region.offsetY - region.y;
  for (let p = 0; p < n; p++) {
    const px = Math.floor(ax * toX(points[p * dim + i]) + bx);
    const py = Math.floor(ay * toY(points[p * dim + j]) + by);
    if (!(px >= 0 && px < width && py >= 0 && py < height)) continue;
    const c = 3 * colours.index(p);
    const r = table[c];
    const g = table[c + 1];
    const b = table[c + 2];
    for (let s = 0; s < stamp.length; s += 2) {
      const x = px + stamp[s];
      const y = py + stamp[s + 1];
      if (x < 0 || x >= width || y < 0 || y >= height) continue;
      const at = 4 * (y * width + x);
      sums[at]++;
      sums[at + 1] += r;
      sums[at + 2] += g;
      sums[at + 3] += b;
    }
  }
  compositeSplats(ctx, layer, options.opacity === undefined || options.opacity === 'auto' ? autoOpacity(layer) : options.opacity);
  const highlight = options.highlight;
  if (highlight !== undefined) {
    const chosen = highlight.positions ?? pick(points, dim, highlight.indices ?? []);
    drawMarkers(ctx, frame, chosen, dim, { ...highlight, dims: [i, j] });
  }
}

function pick(points: ArrayLike<number>, dim: number, indices: ArrayLike<number>): Float64Array {
  const out = new Float64Array(indices.length * dim);
  for (let k = 0; k < indices.length; k++) for (let d = 0; d < dim; d++) out[k * dim + d] = points[indices[k] * dim + d];
  return out;
}
