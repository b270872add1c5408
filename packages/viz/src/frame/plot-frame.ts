import { type ScaleContinuousNumeric, scaleLinear, scaleLog } from 'd3-scale';
import type { Box, Domain } from '../context.js';

/** Space around the plotting area, in canvas pixels, for ticks, labels and a title. */
export interface Margin {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/** What `createPlotFrame` needs. */
export interface PlotFrameOptions {
  /** The panel in the canvas; `{ x: 0, y: 0, width, height }` when only a size is given. */
  readonly box?: Box;
  readonly width?: number;
  readonly height?: number;
  /** Defaults: top 30 (room for a title), right 16, bottom 40, left 52. */
  readonly margin?: Partial<Margin>;
  /** Data domains of the axes. */
  readonly x: Domain;
  readonly y: Domain;
  /** Logarithmic axes (the domain must be positive). */
  readonly xLog?: boolean;
  readonly yLog?: boolean;
  /**
   * Widen the shorter domain about its centre so that one data unit spans as many pixels on both
   * axes (points of a 2-D distribution keep their shape). Linear axes only.
   */
  readonly equalAspect?: boolean;
}

/** A linear or logarithmic d3 scale from data to canvas pixels. */
export type AxisScale = ScaleContinuousNumeric<number, number>;

/**
 * A plotting panel: the box it occupies, the inner plotting area (the box less the margins) and
 * the d3 scales mapping data to canvas pixels (y grows upwards). Every drawing function takes one.
 */
export interface PlotFrame {
  readonly box: Box;
  readonly inner: Box;
  readonly x: AxisScale;
  readonly y: AxisScale;
  readonly xLog: boolean;
  readonly yLog: boolean;
}

/** The margins of a frame that gives none: room for a title above, tick labels and axis labels. */
export const DEFAULT_MARGIN: Margin = Object.freeze({ top: 30, right: 16, bottom: 40, left: 52 });

/**
 * Creates a `PlotFrame`: `frame.x(v)` is the canvas x of data value v, from the inner area's left
 * edge (x domain lo) to its right edge (hi); `frame.y(v)` runs from the bottom edge (lo) up to the
 * top (hi).
 *
 * @example
 * const frame = createPlotFrame({ width: 480, height: 480, x: [-4, 4], y: [-4, 4] });
 * frame.x(0); // 52 + (480 - 52 - 16) / 2
 */
export function createPlotFrame(options: PlotFrameOptions): PlotFrame {
  const box = options.box ?? { x: 0, y: 0, width: options.width ?? 480, height: options.height ?? 480 };
  const margin = { ...DEFAULT_MARGIN, ...options.margin };
  const inner: Box = {
    x: box.x + margin.left,
    y: box.y + margin.top,
    width: Math.max(1, box.width - margin.left - margin.right),
    height: Math.max(1, box.height - margin.top - margin.bottom),
  };
  const xLog = options.xLog ?? false;
  const yLog = options.yLog ?? false;
  let xDomain = checkDomain('x', options.x, xLog);
  let yDomain = checkDomain('y', options.y, yLog);
  if (options.equalAspect === true && !xLog && !yLog) [xDomain, yDomain] = equalAspect(xDomain, yDomain, inner);
  const x = (xLog ? scaleLog() : scaleLinear()).domain(xDomain).range([inner.x, inner.x + inner.width]);
  const y = (yLog ? scaleLog() : scaleLinear()).domain(yDomain).range([inner.y + inner.height, inner.y]);
  return { box, inner, x, y, xLog, yLog };
}

function checkDomain(axis: string, domain: Domain, log: boolean): [number, number] {
  const [lo, hi] = domain;
  if (!(Number.isFinite(lo) && Number.isFinite(hi))) throw new RangeError(`createPlotFrame: the ${axis} domain must be finite, got [${lo}, ${hi}].`);
  if (log && !(lo > 0 && hi > 0)) throw new RangeError(`createPlotFrame: a logarithmic ${axis} domain must be positive, got [${lo}, ${hi}].`);
  if (lo === hi) return log ? [lo / 2, hi * 2] : [lo - 0.5, hi + 0.5];
  return [lo, hi];
}

/** Widens one domain so that data units per pixel agree: max(span_x / w, span_y / h) on both. */
function equalAspect(x: [number, number], y: [number, number], inner: Box): [[number, number], [number, number]] {
  const perPixel = Math.max(Math.abs(x[1] - x[0]) / inner.width, Math.abs(y[1] - y[0]) / inner.height);
  const widen = (d: [number, number], pixels: number): [number, number] => {
    const centre = (d[0] + d[1]) / 2;
    const half = (perPixel * pixels) / 2;
    return d[1] >= d[0] ? [centre - half, centre + half] : [centre + half, centre - half];
  };
  return [widen(x, inner.width), widen(y, inner.height)];
}
