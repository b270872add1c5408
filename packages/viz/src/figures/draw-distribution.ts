import type { Target } from '@scoreflow/core';
import type { ColourMapName } from '../colour/colour-map.js';
import type { Context2D } from '../context.js';
import type { PlotFrame } from '../frame/plot-frame.js';
import { type DensityGrid, frameArea, gridFromLogDensity } from '../heatmap/density-grid.js';
import { type HeatmapOptions, drawDensityHeatmap } from '../heatmap/draw-density-heatmap.js';
import { histogram2d } from '../heatmap/histogram-2d.js';

/** Where a figure's distribution comes from: a target's exact density, or a sample (the reference at t). */
export type Distribution = { readonly target: Target } | { readonly sample: Float32Array; readonly dim: number };

const CELLS = 96;

/**
 * The distribution as a grid over a frame: a target's log density at one cell per 2 pixels, or a
 * binned KDE of a sample on 96 x 96 cells with 0.6 of Scott's bandwidth sigma n^(-1/6) (2-D; sigma
 * the geometric mean of the two coordinates' standard deviations), at least one cell: Scott's rule
 * is made for one Gaussian and blurs thin or multimodal shapes (two moons, eight Gaussians).
 */
export function gridOf(distribution: Distribution, frame: PlotFrame): DensityGrid {
  if ('target' in distribution) return gridFromLogDensity(distribution.target, frameArea(frame, 2));
  const { sample, dim } = distribution;
  const area = frameArea(frame);
  const n = Math.floor(sample.length / dim);
  const sigma = Math.sqrt(stdOf(sample, dim, 0) * stdOf(sample, dim, 1));
  const cell = Math.sqrt(((area.x[1] - area.x[0]) / CELLS) * ((area.y[1] - area.y[0]) / CELLS));
  const smooth = Math.max(1, (0.6 * sigma * Math.pow(Math.max(n, 2), -1 / 6)) / cell);
  return histogram2d(sample, { x: area.x, y: area.y, nx: CELLS, ny: CELLS }, { dim, smooth: Number.isFinite(smooth) ? smooth : 1 });
}

function stdOf(sample: Float32Array, dim: number, axis: number): number {
  let sum = 0;
  let squares = 0;
  let n = 0;
  for (let i = axis; i < sample.length; i += dim) {
    sum += sample[i];
    squares += sample[i] * sample[i];
    n++;
  }
  return n < 2 ? 0 : Math.sqrt(Math.max(0, squares / n - (sum / n) ** 2));
}

/** Draws a distribution as a heatmap in a frame; `under`: faint, for points drawn on top. */
export function drawDistribution(ctx: Context2D, frame: PlotFrame, distribution: Distribution, map: ColourMapName, options: HeatmapOptions & { under?: boolean } = {}): void {
  const grid = gridOf(distribution, frame);
  if (options.under === true) {
    let max = 0;
    for (const v of grid.values) max = Math.max(max, grid.log ? Math.exp(v) : v);
    // The densest cell reaches 60% of the map, so that points on top stay visible.
    drawDensityHeatmap(ctx, frame, grid, { map, domain: [0, (max || 1) / 0.6] });
    return;
  }
  drawDensityHeatmap(ctx, frame, grid, { map, ...options });
}
