import type { AxisScale } from '../frame/plot-frame.js';

/**
 * A scale from data to canvas pixels as a function cheap enough for a million points: a linear
 * scale becomes `k v + b` (two multiply-adds instead of a d3 call); a log scale stays the scale.
 */
export function fastScale(scale: AxisScale, log: boolean): (v: number) => number {
  if (log) return (v) => scale(v);
  const b = scale(0);
  const k = scale(1) - b;
  return (v) => k * v + b;
}

/** Pixel offsets (dx, dy) of a round dot of radius r in device pixels: at least the centre pixel. */
export function stampOf(radius: number): Int32Array {
  const offsets: number[] = [];
  const reach = Math.floor(radius);
  for (let dy = -reach; dy <= reach; dy++) for (let dx = -reach; dx <= reach; dx++) if (dx * dx + dy * dy <= radius * radius) offsets.push(dx, dy);
  if (offsets.length === 0) offsets.push(0, 0);
  return Int32Array.from(offsets);
}
