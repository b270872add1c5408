import type { DensityGrid, GridArea } from './density-grid.js';

/** Options of `histogram2d`. */
export interface HistogramOptions {
  /** Coordinates per point; 2 by default. */
  readonly dim?: number;
  /** Coordinates binned; [0, 1] by default. */
  readonly dims?: readonly [number, number];
  /**
   * Standard deviation, in cells, of a Gaussian that smooths the counts (a binned kernel density
   * estimate); 0 (plain histogram) by default.
   */
  readonly smooth?: number;
}

/**
 * The 2-D histogram of row-major points as a density: count / (n * cell area), so that it
 * integrates to the share of points inside the area; optionally smoothed by a Gaussian kernel of
 * `smooth` cells (separable, truncated at 3 standard deviations, mass leaving the grid is lost).
 *
 * @example
 * const grid = histogram2d(reference, { x: [-4, 4], y: [-4, 4], nx: 80, ny: 80 }, { smooth: 1.5 });
 */
export function histogram2d(points: ArrayLike<number>, area: GridArea, options: HistogramOptions = {}): DensityGrid {
  const dim = options.dim ?? 2;
  const [a, b] = options.dims ?? [0, 1];
  const nx = area.nx ?? 200;
  const ny = area.ny ?? 200;
  const [x0, x1] = area.x;
  const [y0, y1] = area.y;
  const n = Math.floor(points.length / dim);
  const values = new Float64Array(nx * ny);
  const kx = nx / (x1 - x0);
  const ky = ny / (y1 - y0);
  for (let p = 0; p < n; p++) {
    const i = Math.floor((points[p * dim + a] - x0) * kx);
    const j = Math.floor((points[p * dim + b] - y0) * ky);
    if (i >= 0 && i < nx && j >= 0 && j < ny) values[j * nx + i]++;
  }
  const smooth = options.smooth ?? 0;
  if (smooth > 0) blur(values, nx, ny, smooth);
  const scale = n === 0 ? 0 : (kx * ky) / n;
  for (let k = 0; k < values.length; k++) values[k] *= scale;
  return { nx, ny, x: area.x, y: area.y, values, log: false };
}

/** In-place separable Gaussian blur of a grid, std `sigma` cells. */
function blur(values: Float64Array, nx: number, ny: number, sigma: number): void {
  const reach = Math.ceil(3 * sigma);
  const kernel = new Float64Array(2 * reach + 1);
  for (let k = -reach; k <= reach; k++) kernel[k + reach] = Math.exp((-0.5 * k * k) / (sigma * sigma));
  const total = kernel.reduce((sum, w) => sum + w, 0);
  for (let k = 0; k < kernel.length; k++) kernel[k] /= total;
  const line = new Float64Array(Math.max(nx, ny));
  const pass = (count: number, length: number, at: (c: number, i: number) => number) => {
    for (let c = 0; c < count; c++) {
      for (let i = 0; i < length; i++) line[i] = values[at(c, i)];
      for (let i = 0; i < length; i++) {
        let sum = 0;
        for (let k = Math.max(-reach, -i); k <= reach && i + k < length; k++) sum += kernel[k + reach] * line[i + k];
        values[at(c, i)] = sum;
      }
    }
  };
  pass(ny, nx, (row, i) => row * nx + i);
  pass(nx, ny, (column, j) => j * nx + column);
}
