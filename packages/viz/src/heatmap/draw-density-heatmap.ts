import type { Context2D, Domain } from '../context.js';
import { type ColourMap, colourTable } from '../colour/colour-map.js';
import type { PlotFrame } from '../frame/plot-frame.js';
import { deviceRegion } from '../raster/device-region.js';
import { drawColourBar } from './draw-colour-bar.js';
import type { DensityGrid } from './density-grid.js';

/** Options of `drawDensityHeatmap`. */
export interface HeatmapOptions {
  /** `magma` by default. */
  readonly map?: ColourMap;
  /**
   * `linear` (default): colour by the density p over [0, max p]. `log`: colour by log p over
   * [max log p - logRange, max log p]; low-density structure (tails, far modes) shows.
   */
  readonly scale?: 'linear' | 'log';
  /** Nats of log density the `log` scale spans; 10 by default. */
  readonly logRange?: number;
  /** The colour domain, instead of the one from the values. */
  readonly domain?: Domain;
  /** Draw a colour bar in the frame's right margin (give it about 70 px); a string labels it. */
  readonly colourBar?: boolean | string;
}

/** What a heatmap's colours mean: its colour domain and map, for a colour bar. */
export interface HeatmapScale {
  readonly domain: Domain;
  readonly map: ColourMap;
  readonly label: string;
}

/**
 * Fills a frame's inner area with a density grid (`gridFromLogDensity` or `histogram2d`) through
 * a perceptual colour map, bilinearly interpolated between cell centres at device resolution and
 * written with one putImageData. Returns the colour scale (for `drawColourBar`).
 */
export function drawDensityHeatmap(ctx: Context2D, frame: PlotFrame, grid: DensityGrid, options: HeatmapOptions = {}): HeatmapScale {
  const map = options.map ?? 'magma';
  const log = options.scale === 'log';
  const shown = displayed(grid, log);
  const domain = options.domain ?? colourDomain(shown, log, options.logRange ?? 10);
  const table = colourTable(map);
  const top = table.length / 3 - 1;
  const region = deviceRegion(ctx, frame.inner);
  if (region.width > 0 && region.height > 0) {
    const image = ctx.getImageData(region.x, region.y, region.width, region.height);
    const { nx, ny } = grid;
    const [x0, x1] = grid.x;
    const [y0, y1] = grid.y;
    const k = domain[1] > domain[0] ? top / (domain[1] - domain[0]) : 0;
    const column = new Float64Array(region.width);
    for (let px = 0; px < region.width; px++) {
      const u = frame.x.invert((region.x + px + 0.5 - region.offsetX) / region.scaleX);
      column[px] = ((u - x0) / (x1 - x0)) * nx - 0.5;
    }
    for (let py = 0; py < region.height; py++) {
      const v = frame.y.invert((region.y + py + 0.5 - region.offsetY) / region.scaleY);
      const fy = ((v - y0) / (y1 - y0)) * ny - 0.5;
      for (let px = 0; px < region.width; px++) {
        const value = bilinear(shown, nx, ny, column[px], fy);
        let c = Math.round((value - domain[0]) * k);
        c = c < 0 || !Number.isFinite(c) ? 0 : c > top ? top : c;
        const at = 4 * (py * region.width + px);
        image.data[at] = table[3 * c];
        image.data[at + 1] = table[3 * c + 1];
        image.data[at + 2] = table[3 * c + 2];
        image.data[at + 3] = 255;
      }
    }
    ctx.putImageData(image, region.x, region.y);
  }
  const scale: HeatmapScale = { domain, map, label: typeof options.colourBar === 'string' ? options.colourBar : log ? 'log density' : 'density' };
  if (options.colourBar !== undefined && options.colourBar !== false) drawColourBar(ctx, frame, scale);
  return scale;
}

/** The grid as the quantity coloured: p (linear) or log p (log); -Infinity where p = 0. */
function displayed(grid: DensityGrid, log: boolean): Float64Array {
  if (grid.log === log) return grid.values;
  return grid.values.map(log ? Math.log : Math.exp);
}

function colourDomain(values: Float64Array, log: boolean, logRange: number): Domain {
  let max = -Infinity;
  for (const v of values) if (v > max) max = v;
  if (!Number.isFinite(max)) return [0, 1];
  return log ? [max - logRange, max] : [0, max > 0 ? max : 1];
}

/** Value at fractional cell index (fx, fy), clamped to the grid; -Infinity neighbours stay -Infinity. */
function bilinear(values: Float64Array, nx: number, ny: number, fx: number, fy: number): number {
  const x = fx < 0 ? 0 : fx > nx - 1 ? nx - 1 : fx;
  const y = fy < 0 ? 0 : fy > ny - 1 ? ny - 1 : fy;
  const i = Math.min(Math.floor(x), nx - 2 < 0 ? 0 : nx - 2);
  const j = Math.min(Math.floor(y), ny - 2 < 0 ? 0 : ny - 2);
  const tx = nx === 1 ? 0 : x - i;
  const ty = ny === 1 ? 0 : y - j;
  const i1 = nx === 1 ? i : i + 1;
  const j1 = ny === 1 ? j : j + 1;
  const a = values[j * nx + i];
  const b = values[j * nx + i1];
  const c = values[j1 * nx + i];
  const d = values[j1 * nx + i1];
  if (tx === 0 && ty === 0) return a;
  return (1 - ty) * ((1 - tx) * a + tx * b) + ty * ((1 - tx) * c + tx * d);
}
