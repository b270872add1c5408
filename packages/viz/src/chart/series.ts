import type { Domain } from '../context.js';

/** One line of a chart: y against x, with a name for the legend. */
export interface Series {
  readonly name: string;
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  /** Categorical colour by position in the list by default. */
  readonly colour?: string;
  /** Line dash pattern (canvas pixels); solid by default. */
  readonly dash?: readonly number[];
  /** Dots at the points; by default when a series has at most 40 points. */
  readonly markers?: boolean;
}

/**
 * The x and y domains holding every drawable point of the series (finite, and positive on a log
 * axis), y padded by 5% (a factor on a log axis). Undefined when no point is drawable.
 */
export function seriesDomains(series: readonly Series[], log: { x?: boolean; y?: boolean } = {}): { x: Domain; y: Domain } | undefined {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const { x, y } of series) {
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      if (!drawable(x[i], log.x) || !drawable(y[i], log.y)) continue;
      x0 = Math.min(x0, x[i]);
      x1 = Math.max(x1, x[i]);
      y0 = Math.min(y0, y[i]);
      y1 = Math.max(y1, y[i]);
    }
  }
  if (!(x0 <= x1)) return undefined;
  if (log.y === true) return { x: [x0, x1], y: [y0 / 1.15, y1 * 1.15] };
  const pad = 0.05 * (y1 - y0 || Math.abs(y1) || 1);
  return { x: [x0, x1], y: [y0 - pad, y1 + pad] };
}

/** Whether a value can be drawn on a (log) axis. */
export const drawable = (v: number, log = false): boolean => Number.isFinite(v) && (!log || v > 0);
