import type { Domain } from '../context.js';
import type { PlotFrame } from '../frame/plot-frame.js';

/**
 * Values on a regular grid of nx * ny cells over x and y: `values[j * nx + i]` belongs to the cell
 * centred at (x0 + (i + 1/2) dx, y0 + (j + 1/2) dy), row 0 at the bottom (y0). `log` says whether
 * the values are log densities (from a density function) or densities (from a histogram).
 */
export interface DensityGrid {
  readonly nx: number;
  readonly ny: number;
  readonly x: Domain;
  readonly y: Domain;
  readonly values: Float64Array;
  readonly log: boolean;
}

/** Where a grid lies and how fine it is. */
export interface GridArea {
  readonly x: Domain;
  readonly y: Domain;
  /** Cells per axis; 200 by default. */
  readonly nx?: number;
  readonly ny?: number;
}

/** A log density over row-major 2-D points, as core's `Target` and `Density` give it. */
export type LogDensityFunction = (x: Float32Array, out: Float64Array) => Float64Array;

/**
 * The grid over a frame's domains with one cell per `pixelsPerCell` canvas pixels of its inner
 * area (1 by default: a heatmap at screen resolution).
 */
export function frameArea(frame: PlotFrame, pixelsPerCell = 1): GridArea {
  const [x0, x1] = frame.x.domain();
  const [y0, y1] = frame.y.domain();
  return {
    x: [x0, x1],
    y: [y0, y1],
    nx: Math.max(1, Math.round(frame.inner.width / pixelsPerCell)),
    ny: Math.max(1, Math.round(frame.inner.height / pixelsPerCell)),
  };
}

/**
 * Evaluates a log density at the centre of every cell of `area` (one batched call): a Target,
 * a Density, or the bare function.
 *
 * @example
 * const grid = gridFromLogDensity(banana(), frameArea(frame));
 */
export function gridFromLogDensity(density: LogDensityFunction | { logDensity: LogDensityFunction }, area: GridArea): DensityGrid {
  const logDensity = typeof density === 'function' ? density : (x: Float32Array, out: Float64Array) => density.logDensity(x, out);
  const nx = area.nx ?? 200;
  const ny = area.ny ?? 200;
  const centres = cellCentres(area, nx, ny);
  const values = logDensity(centres, new Float64Array(nx * ny));
  return { nx, ny, x: area.x, y: area.y, values, log: true };
}

/** The centres of the cells of a grid, row-major points (bottom row first). */
export function cellCentres(area: GridArea, nx: number, ny: number): Float32Array {
  const [x0, x1] = area.x;
  const [y0, y1] = area.y;
  const dx = (x1 - x0) / nx;
  const dy = (y1 - y0) / ny;
  const centres = new Float32Array(2 * nx * ny);
  for (let j = 0, k = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++, k += 2) {
      centres[k] = x0 + (i + 0.5) * dx;
      centres[k + 1] = y0 + (j + 0.5) * dy;
    }
  }
  return centres;
}
