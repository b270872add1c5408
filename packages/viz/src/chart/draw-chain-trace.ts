import type { Context2D } from '../context.js';
import type { PlotFrame } from '../frame/plot-frame.js';
import { categoricalColour } from '../colour/categorical.js';
import type { Trajectories } from '../paths/trajectories.js';
import type { LegendEntry } from './draw-legend.js';
import { drawLineChart } from './draw-line-chart.js';
import type { Series } from './series.js';

/** Options of `drawChainTrace`. */
export interface ChainTraceOptions {
  /** The coordinate traced; 0 by default. */
  readonly coordinate?: number;
  /** Line width; 1 by default. */
  readonly lineWidth?: number;
  /**
   * Legend naming the chains (`chain 0`, ...) in the frame's top-right corner, where it may cover
   * the traces; only for 2 to 8 chains, by default. Pass `false` and draw `chainLegend(n)` with
   * `drawLegendRow` in a strip of its own to keep every trace visible.
   */
  readonly legend?: boolean;
}

/**
 * Draws MCMC chain traces: one coordinate of each chain against the iteration (the snapshots'
 * `times`, or their index), as lines in categorical colours. A well-mixing chain looks like
 * stationary noise; a stuck one like a flat line or slow drift. One snapshot draws one dot per chain.
 *
 * @example
 * drawChainTrace(ctx, frame, trajectories, { coordinate: 1 });
 */
export function drawChainTrace(ctx: Context2D, frame: PlotFrame, chains: Trajectories, options: ChainTraceOptions = {}): void {
  drawLineChart(ctx, frame, traceSeries(chains, options.coordinate ?? 0), {
    lineWidth: options.lineWidth ?? 1,
    legend: (options.legend ?? chains.paths <= 8) && chains.paths > 1 ? 'top-right' : false,
  });
}

/** One series per chain: coordinate `coordinate` against the snapshot times (or indices). */
export function traceSeries(chains: Trajectories, coordinate: number): Series[] {
  const { paths, steps, dim, positions } = chains;
  if (!(coordinate >= 0 && coordinate < dim)) throw new RangeError(`drawChainTrace: coordinate ${coordinate} of ${dim}-dimensional chains.`);
  const x = chains.times ?? Float64Array.from({ length: steps }, (_, s) => s);
  return Array.from({ length: paths }, (_, p) => {
    const y = new Float64Array(steps);
    for (let s = 0; s < steps; s++) y[s] = positions[(s * paths + p) * dim + coordinate];
    return { name: `chain ${p}`, x, y, markers: false };
  });
}

/** The legend entries of `drawChainTrace`'s lines: `chain 0` .. `chain n - 1` in their colours. */
export function chainLegend(paths: number): LegendEntry[] {
  return Array.from({ length: paths }, (_, p) => ({ name: `chain ${p}`, colour: categoricalColour(p) }));
}
